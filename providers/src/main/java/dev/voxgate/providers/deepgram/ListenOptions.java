package dev.voxgate.providers.deepgram;

import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.AcceptedParams;
import dev.voxgate.providers.http.AudioRequestBody;
import dev.voxgate.providers.http.VendorConnector.Call;
import okhttp3.HttpUrl;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * The query options of one {@code /listen} call: the language, Deepgram's own options taken from the extra
 * parameters, and what the requested format implies. Timed formats need segments, which Deepgram only returns as
 * utterances ({@code utterances=true}, punctuated unless set); {@code diarized_json} needs speakers
 * ({@code diarize=true} unless set).
 *
 * @param language the language sent: OpenAI's {@code language}, else a {@code language} extra
 * @param options  every other option, in the order sent
 */
record ListenOptions(Optional<String> language, Map<String, ParamValue> options) {

    // Deepgram's pre-recorded query parameters, less model (the deployment's), and callback/callback_method, whose
    // answer is a request id rather than a transcript.
    private static final AcceptedParams ACCEPTED = new AcceptedParams(DeepgramProviderFactory.ID, Set.of(
            "language", "detect_language", "punctuate", "smart_format", "numerals", "measurements", "dictation",
            "filler_words", "profanity_filter", "paragraphs", "utterances", "utt_split", "multichannel", "diarize",
            "diarize_model", "keyterm", "keywords", "search", "replace", "redact", "tag", "extra", "encoding",
            "sample_rate", "channels", "summarize", "topics", "intents", "sentiment", "detect_entities",
            "custom_topic", "custom_topic_mode", "custom_intent", "custom_intent_mode", "tier", "version",
            "mip_opt_out"));
    private static final Set<ResponseFormat> TIMED = EnumSet.of(ResponseFormat.VERBOSE_JSON, ResponseFormat.SRT,
            ResponseFormat.VTT, ResponseFormat.DIARIZED_JSON);

    /**
     * What a Deepgram deployment serves, as {@link #of} lets it through: transcription only, its one JSON answer, from
     * which the proxy renders every other format (segments come from utterances, asked for whenever a timed format or
     * segment timings are); timed words and speakers; OpenAI's {@code language} and timestamp granularities, and
     * Deepgram's own options.
     */
    static Capabilities capabilities() {
        return ACCEPTED.capabilitiesOfTimedJson("language", "timestamp_granularities");
    }

    ListenOptions {
        Objects.requireNonNull(language, "language");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * The options of {@code request} to {@code deployment}.
     *
     * @throws dev.voxgate.core.error.TranscriptionException with {@code InvalidRequest} for a parameter Deepgram
     *                                                       does not take, unless the deployment drops them
     */
    static ListenOptions of(Deployment deployment, TranscriptionRequest request) {
        request.prompt().ifPresent(prompt -> ACCEPTED.unsupported(deployment, "prompt"));
        request.temperature().ifPresent(temperature -> ACCEPTED.unsupported(deployment, "temperature"));
        SortedMap<String, ParamValue> extras = ACCEPTED.extras(deployment, request);
        Optional<String> languageExtra = Optional.ofNullable(extras.remove("language")).map(ParamValue::values)
                .flatMap(values -> values.stream().findFirst());
        Map<String, ParamValue> options = new LinkedHashMap<>(extras);
        if (TIMED.contains(request.responseFormat())
                || request.timestampGranularities().contains(TimestampGranularity.SEGMENT)) {
            options.putIfAbsent("utterances", ParamValue.text("true"));
            options.putIfAbsent("punctuate", ParamValue.text("true"));
        }
        if (request.responseFormat() == ResponseFormat.DIARIZED_JSON) {
            options.putIfAbsent("diarize", ParamValue.text("true"));
        }
        return new ListenOptions(request.language().or(() -> languageExtra), options);
    }

    /**
     * {@code POST {base}/listen?model=<model>&language=…&<options>}, every value URL-encoded, with the raw audio as
     * the body (streamed again on every attempt) typed with its content type.
     */
    Call call(HttpUrl base, String model, AudioInput audio) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("listen").addQueryParameter("model", model);
        language.ifPresent(value -> url.addQueryParameter("language", value));
        // A list is one query key per value, as Deepgram reads keyterm=a&keyterm=b.
        options.forEach((name, value) -> value.values().forEach(part -> url.addQueryParameter(name, part)));
        return new Call(url.build(), new AudioRequestBody(audio),
                (body, contentType) -> ListenResponseReader.read(body, language));
    }
}
