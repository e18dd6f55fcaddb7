package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.AudioRequestBody;
import java.math.BigDecimal;
import java.util.List;
import okhttp3.MultipartBody;

/**
 * The {@code multipart/form-data} body of a transcription call, as openai-python encodes it unless the profile says
 * otherwise: the file, the model, the standard fields present (arrays in the profile's {@link ArrayEncoding};
 * {@code response_format} only to a vendor that takes it), then the vetted extra parameters as text fields.
 *
 * <p>Stateless; a new body per call.
 */
final class TranscriptionForm {

    private TranscriptionForm() {
    }

    static MultipartBody of(OpenAiCompatProfile profile, String model, VettedRequest vetted) {
        return of(profile, model, vetted, false);
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
        if (profile.standardFields().contains(StandardField.RESPONSE_FORMAT)) {
            // Always the caller's format: rendering a different one back would be the proxy's job, not ours.
            form.addFormDataPart("response_format", request.responseFormat().wireName());
        }
        request.temperature().ifPresent(temperature -> form.addFormDataPart("temperature", plain(temperature)));
        List<String> granularities = request.timestampGranularities().stream()
                .map(TimestampGranularity::wireName).toList();
        profile.arrayEncoding().encode(StandardField.TIMESTAMP_GRANULARITIES.wireName(), granularities,
                form::addFormDataPart);
        vetted.extras().forEach((name, value) -> extra(form, profile, name, value));
        if (stream) {
            form.addFormDataPart("stream", "true");
        }
        return form.build();
    }

    /**
     * A list, or a declared list given one value, is encoded as the vendor reads lists; a map as {@code name[key]}
     * parts, as openai-python sends objects; a text under its name.
     */
    private static void extra(MultipartBody.Builder form, OpenAiCompatProfile profile, String name,
                              ParamValue value) {
        switch (value) {
            case ParamValue.Values list -> profile.arrayEncoding().encode(name, list.values(), form::addFormDataPart);
            case ParamValue.Fields map -> map.fields().forEach((key, field) ->
                    form.addFormDataPart(name + "[" + key + "]", field));
            case ParamValue.Text text when profile.extras().isBareArray(name) ->
                    profile.arrayEncoding().encode(name, text.values(), form::addFormDataPart);
            case ParamValue.Text text -> form.addFormDataPart(name, text.value());
        }
    }

    /** {@code 0.2}, never {@code 2.0E-1}. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
