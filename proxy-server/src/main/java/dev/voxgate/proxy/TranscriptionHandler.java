package dev.voxgate.proxy;

import dev.voxgate.core.model.Transcription;
import dev.voxgate.router.Router;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /v1/audio/transcriptions} (and Azure's {@code /openai/deployments/{deployment}/audio/transcriptions}):
 * reads the multipart form once, asks the router, and answers in the
 * requested format. The upload is replayable for the router's retries and is released when the request ends.
 *
 * <p>Thread-safe; one instance serves every request.
 */
final class TranscriptionHandler implements Handler {

    /** The path parameter of Azure-style routes that names the model group. */
    static final String AZURE_DEPLOYMENT = "deployment";

    private final Router router;
    private final TranscriptionRenderer renderer;
    private final ProxySettings settings;
    private final UploadMemory uploadMemory;

    TranscriptionHandler(Router router, TranscriptionRenderer renderer, ProxySettings settings) {
        this.router = Objects.requireNonNull(router, "router");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.uploadMemory = new UploadMemory(settings);
    }

    @Override
    public void handle(Context ctx) throws IOException, ServletException {
        if (!ctx.isMultipartFormData()) {
            throw RequestRejected.badRequest(null, "Send the request as multipart/form-data with a 'file' part and a "
                    + "'model' field; got Content-Type '" + Objects.requireNonNullElse(ctx.contentType(), "none")
                    + "'.");
        }
        // A declared length over the limit is refused before a byte of the body is read.
        if (ctx.req().getContentLengthLong() > settings.maxRequestBytes()) {
            throw new RequestRejected(UploadProblem.tooLarge());
        }
        try (UploadMemory.Lease memory = uploadMemory.place(ctx.req());
             UploadedAudio audio = UploadedAudio.from(fileParts(ctx), memory.inMemoryLimit())) {
            TranscriptionForm form = TranscriptionForm.parse(fields(ctx), audio.input());
            Transcription transcription = router.transcribe(form.request(), form.options());
            RenderedTranscription rendered = renderer.render(transcription, form.request().responseFormat());
            ctx.status(200).contentType(rendered.contentType()).result(rendered.body());
        }
    }

    // The servlet parts beneath Javalin's uploaded files, which UploadedAudio can take over without copying them.
    // Javalin's uploadedFiles() comes first: it parses the body with the multipart config UploadMemory chose.
    private static List<Part> fileParts(Context ctx) throws IOException, ServletException {
        if (ctx.uploadedFiles("file").isEmpty()) {
            return List.of();
        }
        return ctx.req().getParts().stream()
                .filter(part -> "file".equals(part.getName()) && part.getSubmittedFileName() != null)
                .toList();
    }

    // Azure's URL shape names the model group in the path, as Azure names the deployment there; it wins over any
    // model field, as it does at Azure.
    private static Map<String, List<String>> fields(Context ctx) {
        String deployment = ctx.pathParamMap().get(AZURE_DEPLOYMENT);
        if (deployment == null) {
            return ctx.formParamMap();
        }
        Map<String, List<String>> fields = new LinkedHashMap<>(ctx.formParamMap());
        fields.put("model", List.of(deployment));
        return fields;
    }
}
