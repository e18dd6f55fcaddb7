package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.render.RenderedTranscript;
import dev.voxgate.core.render.TranscriptRenderer;
import dev.voxgate.router.Routed;
import dev.voxgate.router.Router;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/audio/transcriptions} and {@code /v1/audio/translations} (and Azure's
 * {@code /openai/deployments/{deployment}/audio/…}): reads the multipart form once, asks the router, and answers in
 * the requested format, or as server-sent events for {@code stream=true}. The upload is replayable for the router's
 * retries and is released when the request ends.
 *
 * <p>Thread-safe; one instance per task serves every request.
 */
final class TranscriptionHandler implements Handler {

    /** The path parameter of Azure-style routes that names the model group. */
    static final String AZURE_DEPLOYMENT = "deployment";

    /** What the route asks of the audio. */

    private final AudioTask task;
    private final Router router;
    private final ObjectMapper json;
    private final ProxySettings settings;
    private final UploadMemory uploadMemory;
    private final ResponseCache cache;
    private final KeyGate gate;

    TranscriptionHandler(AudioTask task, Router router, ObjectMapper json, ProxySettings settings,
                         UploadMemory uploadMemory, ResponseCache cache, KeyGate gate) {
        this.task = Objects.requireNonNull(task, "task");
        this.router = Objects.requireNonNull(router, "router");
        this.json = Objects.requireNonNull(json, "json");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.uploadMemory = Objects.requireNonNull(uploadMemory, "uploadMemory");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void handle(Context ctx) throws IOException {
        if (!ctx.isMultipartFormData()) {
            throw RequestRejected.badRequest(null, "Send the request as multipart/form-data with a 'file' part and a "
                    + "'model' field; got Content-Type '" + Objects.requireNonNullElse(ctx.contentType(), "none")
                    + "'.");
        }
        // A declared length over the limit is refused before a byte of the body is read.
        if (ctx.req().getContentLengthLong() > settings.maxRequestBytes()) {
            throw new RequestRejected(UploadProblem.tooLarge(settings.maxUploadBytes()));
        }
        try (UploadMemory.Lease memory = uploadMemory.place(ctx.req().getContentLengthLong());
             UploadedForm upload = UploadedForm.read(ctx.req(), memory.parsing())) {
            AudioInput audio = UploadedAudio.from(upload);
            Map<String, List<String>> fields = fields(ctx, upload);
            // A client's own credentials travel in form.options(), applied by the shared router to the named group.
            TranscriptionForm form = task == AudioTask.TRANSLATE
                    ? TranscriptionForm.parseTranslation(fields, audio, settings.allowClientCredentials())
                    : TranscriptionForm.parse(fields, audio, settings.allowClientCredentials());
            try (KeyGate.Admitted admitted = gate.admit(ctx, form.request().model())) {
                answer(ctx, fields, form, admitted);
            }
        }
    }

    private void answer(Context ctx, Map<String, List<String>> fields, TranscriptionForm form,
                        KeyGate.Admitted admitted) throws IOException {
        if (form.stream()) {
            stream(ctx, form, admitted);
            return;
        }
        Optional<ResponseCache.Use> cached = cache.use(form, () -> CacheDirectives.of(
                ctx.header("Cache-Control"), new FormFields(fields)));
        Optional<StoredAnswer> hit = cached.flatMap(cache::lookup);
        if (hit.isPresent()) {
            RoutingHeaders.cacheHit(ctx, form.request().model());
            write(ctx, hit.get());
            return;
        }
        Routed<Transcription> routed = router.route(form.request(), form.options());
        AccessNote.of(ctx).routed(routed.report());
        RoutingHeaders.describe(ctx, routed.report());
        admitted.routed(routed.report());
        // Subtitles asked of a transcript without segments fail here as a TranscriptionException: a 400 on
        // response_format, with the routing headers already set.
        RenderedTranscript rendered = TranscriptRenderer.render(routed.value(), form.request().responseFormat());
        StoredAnswer answer = new StoredAnswer(rendered.contentType(),
                rendered.body().getBytes(StandardCharsets.UTF_8));
        if (cached.isPresent()) {
            cached.filter(ResponseCache.Use::read).ifPresent(use -> ctx.header(ResponseCache.HIT_HEADER, "false"));
            // Kept before it is sent, so that the same request right after this answer is a hit.
            cache.keep(cached.get(), answer);
        }
        write(ctx, answer);
    }

    // Written as it is: Javalin's result() would copy it through a fresh 32 KiB buffer.
    private static void write(Context ctx, StoredAnswer answer) throws IOException {
        ctx.status(200).contentType(answer.contentType());
        ctx.outputStream().write(answer.body());
    }

    private void stream(Context ctx, TranscriptionForm form, KeyGate.Admitted admitted) {
        TranscriptEventStream events = new TranscriptEventStream(ctx, json);
        try {
            Routed<Transcription> routed = router.routeStreaming(form.request(), form.options(), events);
            AccessNote.of(ctx).routed(routed.report());
            admitted.routed(routed.report());
            events.done(routed.value());
        } catch (TranscriptionException e) {
            if (!events.started()) {
                throw e; // nothing sent yet: an ordinary error answer
            }
            AccessNote.of(ctx).failed(e);
            events.failed(OpenAiError.of(e.failure()));
        }
    }

    // Azure's URL shape names the model group in the path, as Azure names the deployment there; it wins over any
    // model field, as it does at Azure.
    private static Map<String, List<String>> fields(Context ctx, UploadedForm upload) {
        String deployment = ctx.pathParamMap().get(AZURE_DEPLOYMENT);
        if (deployment == null) {
            return upload.fields();
        }
        Map<String, List<String>> fields = new LinkedHashMap<>(upload.fields());
        fields.put("model", List.of(deployment));
        return fields;
    }
}
