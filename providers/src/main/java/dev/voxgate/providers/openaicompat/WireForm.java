package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.AudioRequestBody;
import dev.voxgate.providers.http.StandardField;
import dev.voxgate.providers.http.VettedRequest;
import java.math.BigDecimal;
import java.util.List;
import okhttp3.MultipartBody;

/**
 * The {@code multipart/form-data} body sent to an OpenAI-compatible vendor (the proxy's {@code TranscriptionForm}
 * is the one received), as openai-python encodes it unless the profile says otherwise: the file, the model, the
 * OpenAI fields present (lists in the profile's {@code ArrayEncoding}; {@code response_format} only to a vendor that
 * takes it), then the vetted parameters (lists likewise, maps as {@code name[key]} parts).
 *
 * <p>Stateless; a new body per call.
 */
final class WireForm {

    private WireForm() {
    }

    /** The form, asking for a streamed answer when {@code stream}. */
    static MultipartBody of(OpenAiCompatProfile profile, String model, VettedRequest vetted, boolean stream) {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
        TranscriptionRequest request = vetted.request();
        AudioInput audio = request.audio();
        form.addFormDataPart("file", audio.filename(), new AudioRequestBody(audio));
        form.addFormDataPart("model", model);
        request.language().ifPresent(language -> form.addFormDataPart("language", language));
        request.prompt().ifPresent(prompt -> form.addFormDataPart("prompt", prompt));
        if (profile.params().takes(StandardField.RESPONSE_FORMAT)) {
            // Always the caller's format: rendering a different one back would be the proxy's job, not ours.
            form.addFormDataPart("response_format", request.responseFormat().wireName());
        }
        request.temperature().ifPresent(temperature -> form.addFormDataPart("temperature", plain(temperature)));
        List<String> granularities = request.timestampGranularities().stream()
                .map(TimestampGranularity::wireName).toList();
        profile.arrayEncoding().encode(StandardField.TIMESTAMP_GRANULARITIES.wireName(), granularities,
                form::addFormDataPart);
        vetted.writeForm(form, profile.arrayEncoding());
        if (stream) {
            form.addFormDataPart("stream", "true");
        }
        return form.build();
    }

    /** {@code 0.2}, never {@code 2.0E-1}. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
