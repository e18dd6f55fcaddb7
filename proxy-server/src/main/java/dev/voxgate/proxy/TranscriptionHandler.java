package dev.voxgate.proxy;

import dev.voxgate.core.model.Transcription;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /v1/audio/transcriptions}: reads the multipart form once, asks the router, and answers in the
 * requested format. The upload is replayable for the router's retries and is released when the request ends.
 *
 * <p>Thread-safe; one instance serves every request.
 */
final class TranscriptionHandler implements Handler {

    private final CallRouting routing;
    private final TranscriptionRenderer renderer;
    private final ProxySettings settings;

    TranscriptionHandler(CallRouting routing, TranscriptionRenderer renderer, ProxySettings settings) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void handle(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            throw RequestRejected.badRequest(null, "Send the request as multipart/form-data with a 'file' part and a "
                    + "'model' field; got Content-Type '" + Objects.requireNonNullElse(ctx.contentType(), "none")
                    + "'.");
        }
        // A declared length over the limit is refused before a byte of the body is read.
        if (ctx.req().getContentLengthLong() > settings.maxRequestBytes()) {
            throw new RequestRejected(UploadProblem.tooLarge());
        }
        List<UploadedFile> files = ctx.uploadedFiles("file");
        boolean fileAsText = files.isEmpty() && ctx.formParamMap().containsKey("file");
        try (UploadedAudio audio = UploadedAudio.from(files, fileAsText, settings.inMemoryBytes())) {
            TranscriptionForm form = TranscriptionForm.parse(ctx.formParamMap(), audio.input(),
                    routing.allowsClientCredentials());
            Transcription transcription = routing.transcribe(form);
            RenderedTranscription rendered = renderer.render(transcription, form.request().responseFormat());
            ctx.status(200).contentType(rendered.contentType()).result(rendered.body());
        }
    }
}
