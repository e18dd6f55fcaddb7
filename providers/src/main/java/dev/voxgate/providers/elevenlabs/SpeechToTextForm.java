package dev.voxgate.providers.elevenlabs;

import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.AcceptedParams;
import dev.voxgate.providers.http.AudioRequestBody;
import dev.voxgate.providers.http.VendorConnector.Call;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The form of one speech-to-text call: {@code model_id}, OpenAI's {@code language} as {@code language_code} and its
 * {@code temperature}, what the requested format implies, then ElevenLabs' own fields from the extra parameters.
 * Timed output needs word timestamps ({@code timestamps_granularity=word} unless set); {@code diarized_json} needs
 * speakers ({@code diarize=true} unless set). {@code enable_logging} is a query parameter, not a field.
 *
 * @param audio  the file to send
 * @param fields the text fields, in the order sent
 * @param query  the query parameters
 */
record SpeechToTextForm(AudioInput audio, Map<String, ParamValue> fields, Map<String, ParamValue> query) {

    private static final String LOGGING = "enable_logging";
    // The speech-to-text fields, less model_id (the deployment's), the file sources we replace (source_url,
    // cloud_storage_url), the webhook ones whose answer holds no transcript, the multichannel ones whose answer is a
    // list of transcripts, and additional_formats, whose extra documents a transcript has no place for.
    private static final AcceptedParams ACCEPTED = new AcceptedParams(ElevenLabsProviderFactory.ID, Set.of(
            "language_code", "temperature", "tag_audio_events", "num_speakers", "timestamps_granularity", "diarize",
            "diarization_threshold", "file_format", "seed", "keyterms", "no_verbatim", "entity_detection",
            "entity_redaction", "entity_redaction_mode", "detect_speaker_roles", "use_speaker_library", LOGGING));

    private static final Set<ResponseFormat> TIMED = EnumSet.of(ResponseFormat.VERBOSE_JSON, ResponseFormat.SRT,
            ResponseFormat.VTT, ResponseFormat.DIARIZED_JSON);

    /**
     * What an ElevenLabs deployment serves, as {@link #of} lets it through: transcription only, its one JSON answer,
     * from which the proxy renders every other format (segments are grouped from the timed words, asked for whenever
     * a timed format or timings are); timed words and speakers; OpenAI's {@code language}, {@code temperature} and
     * timestamp granularities, and ElevenLabs' own fields.
     */
    static Capabilities capabilities() {
        return ACCEPTED.capabilitiesOfTimedJson("language", "timestamp_granularities");
    }

    SpeechToTextForm {
        Objects.requireNonNull(audio, "audio");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        query = Map.copyOf(query);
    }

    /**
     * The form of {@code request} to {@code deployment}.
     *
     * @throws dev.voxgate.core.error.TranscriptionException with {@code InvalidRequest} for a parameter ElevenLabs
     *                                                       does not take, unless the deployment drops them
     */
    static SpeechToTextForm of(Deployment deployment, TranscriptionRequest request) {
        request.prompt().ifPresent(prompt -> ACCEPTED.unsupported(deployment, "prompt"));
        SortedMap<String, ParamValue> extras = ACCEPTED.extras(deployment, request);
        Map<String, ParamValue> query = new LinkedHashMap<>();
        Optional.ofNullable(extras.remove(LOGGING)).ifPresent(value -> query.put(LOGGING, value));
        Map<String, ParamValue> fields = new LinkedHashMap<>();
        fields.put("model_id", ParamValue.text(deployment.providerModel()));
        request.language().ifPresent(language -> fields.put("language_code", ParamValue.text(language)));
        request.temperature().ifPresent(temperature -> fields.put("temperature", ParamValue.text(plain(temperature))));
        if (TIMED.contains(request.responseFormat()) || !request.timestampGranularities().isEmpty()) {
            fields.put("timestamps_granularity", extras.getOrDefault("timestamps_granularity",
                    ParamValue.text("word")));
        }
        if (request.responseFormat() == ResponseFormat.DIARIZED_JSON) {
            fields.put("diarize", extras.getOrDefault("diarize", ParamValue.text("true")));
        }
        extras.forEach(fields::putIfAbsent);
        return new SpeechToTextForm(request.audio(), fields, query);
    }

    /** {@code POST {base}/v1/speech-to-text} with the file first, then the fields. */
    Call call(HttpUrl base) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("v1/speech-to-text");
        query.forEach((name, value) -> value.values().forEach(part -> url.addQueryParameter(name, part)));
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", audio.filename(), new AudioRequestBody(audio));
        // A list is one part per value under its name, as ElevenLabs reads keyterms.
        fields.forEach((name, value) -> value.values().forEach(part -> form.addFormDataPart(name, part)));
        return new Call(url.build(), form.build(), (body, contentType) -> SpeechToTextReader.read(body));
    }

    /** {@code 0.2}, never {@code 2.0E-1}. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
