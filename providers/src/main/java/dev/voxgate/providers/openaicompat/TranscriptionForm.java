package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.AudioRequestBody;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import okhttp3.MultipartBody;

/**
 * The {@code multipart/form-data} body of an OpenAI transcription call, as openai-python encodes it: the file, then
 * the present fields, arrays as repeated {@code name[]} parts, then the deployment's and the request's extra
 * parameters as text fields.
 *
 * <p>Stateless; a new body per call.
 */
final class TranscriptionForm {

    private final MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    private final Set<String> sent = new HashSet<>();

    private TranscriptionForm() {
    }

    static MultipartBody of(TranscriptionRequest request, Deployment deployment) {
        TranscriptionForm body = new TranscriptionForm();
        AudioInput audio = request.audio();
        body.form.addFormDataPart("file", audio.filename(), new AudioRequestBody(audio));
        body.sent.add("file");
        body.field("model", deployment.providerModel());
        request.language().ifPresent(language -> body.field("language", language));
        request.prompt().ifPresent(prompt -> body.field("prompt", prompt));
        // Always the caller's format: rendering a different one back would be the proxy's job, not ours.
        body.field("response_format", request.responseFormat().wireName());
        request.temperature().ifPresent(temperature -> body.field("temperature", plain(temperature)));
        for (TimestampGranularity granularity : request.timestampGranularities()) {
            body.field("timestamp_granularities[]", granularity.wireName());
        }
        body.extras(deployment.params(), request.providerParams());
        return body.form.build();
    }

    private void field(String name, String value) {
        form.addFormDataPart(name, value);
        sent.add(name);
    }

    /** Extra parameters fill in what the fields above did not set; the request's win over the deployment's. */
    private void extras(Map<String, String> fromDeployment, Map<String, String> fromRequest) {
        Map<String, String> extras = new LinkedHashMap<>(fromDeployment);
        extras.putAll(fromRequest);
        extras.forEach((name, value) -> {
            if (!sent.contains(name)) {
                field(name, value);
            }
        });
    }

    /** {@code 0.2}, never {@code 2.0E-1}. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
