package dev.voxgate.proxy;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.router.CallOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The text fields of an OpenAI transcription form, checked and typed: what to ask the router ({@link #request()}) and
 * how, with whose credentials ({@link #options()}). Array fields are accepted as
 * {@code name[]} (as OpenAI's SDKs send them) and as a repeated {@code name}; fields the proxy does not know travel
 * on to the provider as vendor parameters.
 *
 * @param request the transcription request
 * @param options fallbacks and mock testing as the caller asked, and its own deployment credentials
 *                ({@link CallerCredentials#NONE} unless allowed and sent)
 * @param stream  whether the caller wants the transcript streamed as events ({@code stream=true})
 */
record TranscriptionForm(TranscriptionRequest request, CallOptions options, boolean stream) {

    private static final Set<ResponseFormat> STREAMED_FORMATS = Set.of(ResponseFormat.JSON, ResponseFormat.TEXT);

    // LiteLLM bookkeeping fields that carry nothing for the provider; cache holds the caller's cache directives.
    private static final Set<String> BOOKKEEPING = Set.of("metadata", "litellm_metadata", "user", "tags", "cache");
    private static final Set<String> KNOWN = Set.of(
            "model", "language", "prompt", "response_format", "temperature", "timestamp_granularities",
            "mock_testing_fallbacks", "fallbacks", "disable_fallbacks", "stream");
    private static final int MAX_MODEL_LENGTH = 256;

    /**
     * Reads a transcription's form fields (everything but the file); rejects the request naming the field that is
     * wrong. {@code allowClientCredentials} is {@code general_settings.allow_client_side_credentials}.
     */
    static TranscriptionForm parse(Map<String, List<String>> fields, AudioInput audio, boolean allowClientCredentials) {
        FormFields form = new FormFields(fields);
        CallerCredentials credentials = ClientCredentials.read(form, allowClientCredentials);
        TranscriptionRequest.Builder request = common(form, audio)
                .timestampGranularities(granularities(form));
        form.single("language").filter(value -> !value.isBlank()).ifPresent(request::language);
        boolean stream = form.flag("stream");
        TranscriptionRequest built = request.build();
        if (stream && !STREAMED_FORMATS.contains(built.responseFormat())) {
            throw RequestRejected.badRequest("response_format", "A streamed transcription (stream=true) arrives as "
                    + "events of text; use response_format json or text with it, or send stream=false.");
        }
        return new TranscriptionForm(built, options(form, credentials, AudioTask.TRANSCRIBE), stream);
    }

    /**
     * Reads a translation's form fields: OpenAI's translation takes no {@code language} (the output is English), no
     * timestamp granularities and no stream, and a caller who sends them is told so.
     */
    static TranscriptionForm parseTranslation(Map<String, List<String>> fields, AudioInput audio,
                                              boolean allowClientCredentials) {
        FormFields form = new FormFields(fields);
        for (String field : List.of("language", "timestamp_granularities", "stream")) {
            if (!form.list(field).isEmpty()) {
                throw RequestRejected.badRequest(field, "Translations take no '" + field + "': they turn speech in "
                        + "any language into English text. Remove it, or use /v1/audio/transcriptions.");
            }
        }
        CallerCredentials credentials = ClientCredentials.read(form, allowClientCredentials);
        TranscriptionRequest request = common(form, audio).build();
        if (request.responseFormat() == ResponseFormat.DIARIZED_JSON) {
            throw RequestRejected.badRequest("response_format", "Translations have no diarized_json; use json, text, "
                    + "srt, vtt or verbose_json.");
        }
        return new TranscriptionForm(request, options(form, credentials, AudioTask.TRANSLATE), false);
    }

    private static TranscriptionRequest.Builder common(FormFields form, AudioInput audio) {
        String model = model(form);
        JsonFields.requireObject(form, "metadata");
        JsonFields.requireObject(form, "litellm_metadata");
        TranscriptionRequest.Builder request = TranscriptionRequest.builder(model, audio)
                .responseFormat(responseFormat(form))
                .providerParams(providerParams(form));
        form.single("prompt").ifPresent(request::prompt);
        temperature(form).ifPresent(request::temperature);
        return request;
    }

    private static String model(FormFields form) {
        String model = form.single("model").map(String::trim).filter(value -> !value.isEmpty()).orElseThrow(() ->
                RequestRejected.badRequest("model", "Missing 'model': name a model group (GET /v1/models lists them)."));
        if (model.length() > MAX_MODEL_LENGTH) {
            throw RequestRejected.badRequest("model", "'model' is longer than " + MAX_MODEL_LENGTH + " characters.");
        }
        return FormFields.printable("model", model);
    }

    private static CallOptions options(FormFields form, CallerCredentials credentials, AudioTask task) {
        CallOptions.Builder options = CallOptions.builder()
                .task(task)
                .credentials(credentials)
                .mockTestingFallbacks(form.flag("mock_testing_fallbacks"))
                .disableFallbacks(form.flag("disable_fallbacks"));
        List<String> fallbacks = form.list("fallbacks").stream()
                .map(name -> FormFields.printable("fallbacks", name)).toList();
        if (!credentials.isEmpty()) {
            // The caller's key belongs to the group it named; other groups would be called on the proxy's keys.
            if (!fallbacks.isEmpty()) {
                throw RequestRejected.badRequest("fallbacks", "'fallbacks' cannot be combined with the caller's own "
                        + "api_key, api_base or api_version: such a call stays within the model group it names.");
            }
            options.fallbacks(List.of());
        } else if (!fallbacks.isEmpty()) {
            options.fallbacks(fallbacks);
        }
        return options.build();
    }

    private static ResponseFormat responseFormat(FormFields form) {
        Optional<String> value = form.single("response_format").filter(text -> !text.isBlank());
        if (value.isEmpty()) {
            return ResponseFormat.JSON;
        }
        return ResponseFormat.fromWireName(value.get()).orElseThrow(() -> RequestRejected.badRequest(
                "response_format", "Unknown response_format '" + value.get() + "'; use one of "
                        + ResponseFormat.wireNames() + "."));
    }

    private static List<TimestampGranularity> granularities(FormFields form) {
        List<TimestampGranularity> granularities = new ArrayList<>();
        for (String value : form.list("timestamp_granularities")) {
            TimestampGranularity granularity = TimestampGranularity.fromWireName(value).orElseThrow(() ->
                    RequestRejected.badRequest("timestamp_granularities[]", "Unknown timestamp granularity '" + value
                            + "'; use word or segment."));
            if (!granularities.contains(granularity)) {
                granularities.add(granularity);
            }
        }
        return granularities;
    }

    private static Optional<Double> temperature(FormFields form) {
        Optional<String> value = form.single("temperature").filter(text -> !text.isBlank());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            double temperature = Double.parseDouble(value.get().trim());
            if (temperature >= 0 && temperature <= 1) {
                return Optional.of(temperature);
            }
        } catch (NumberFormatException e) {
            // answered below, with the value the caller sent
        }
        throw RequestRejected.badRequest("temperature", "'temperature' must be a number between 0 and 1, got '"
                + value.get() + "'.");
    }

    // Vendor parameters as OpenAI's clients send lists and objects: keywords[]=a&keywords[]=b (or keyterm sent twice)
    // is a list, chunking_strategy[type]=server_vad a map.
    private static Map<String, ParamValue> providerParams(FormFields form) {
        Map<String, ParamValue> params = new LinkedHashMap<>();
        for (String name : form.names()) {
            String base = FormFields.baseName(name);
            if (!KNOWN.contains(base) && !BOOKKEEPING.contains(base) && !ClientCredentials.isDeploymentParameter(name)) {
                try {
                    form.all(name).forEach(value -> ParamValue.add(params, name, value));
                } catch (IllegalArgumentException e) {
                    throw RequestRejected.badRequest(ParamValue.root(name), e.getMessage() + ".");
                }
            }
        }
        return params;
    }
}
