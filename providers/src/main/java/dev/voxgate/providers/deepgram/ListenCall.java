package dev.voxgate.providers.deepgram;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.AudioRequestBody;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.http.StandardField;
import dev.voxgate.providers.http.TimedJson;
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One pre-recorded {@code /listen} call: {@code POST {base}/listen?model=<model>&language=…&<options>}, every value
 * URL-encoded, a list as one key per value ({@code keyterm=a&keyterm=b}), with the raw audio as the body (streamed
 * again on every attempt) typed with its content type. The language is OpenAI's {@code language}, else a
 * {@code language} parameter; the options are Deepgram's own parameters, then what the requested format implies.
 * Timed formats need segments, which Deepgram only returns as utterances ({@code utterances=true}, punctuated unless
 * set); {@code diarized_json} needs speakers ({@code diarize=true} unless set).
 *
 * <p>Stateless and thread-safe.
 */
final class ListenCall {

    // Deepgram's pre-recorded query parameters, less model (the deployment's), and callback/callback_method, whose
    // answer is a request id rather than a transcript. Lists are the ones Deepgram reads from repeated keys.
    static final ParamSchema PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.TIMESTAMP_GRANULARITIES)
            .query(ParamType.TEXT, "language", "diarize_model", "encoding", "summarize", "custom_topic_mode",
                    "custom_intent_mode", "tier", "version")
            .query(ParamType.BOOLEAN, "punctuate", "smart_format", "numerals", "measurements", "dictation",
                    "filler_words", "profanity_filter", "paragraphs", "utterances", "multichannel", "diarize", "topics",
                    "intents", "sentiment", "detect_entities", "mip_opt_out")
            .query(ParamType.NUMBER, "utt_split", "sample_rate", "channels")
            // detect_language is true or the languages to detect among.
            .query(ParamType.LIST, "detect_language", "keyterm", "keywords", "search", "replace", "redact", "tag",
                    "extra", "custom_topic", "custom_intent")
            .build();

    /**
     * What a Deepgram deployment serves, as {@link #transcribe} lets it through: its one JSON answer, from which the
     * proxy renders every other format (segments come from utterances, asked for whenever a timed format or segment
     * timings are); timed words and speakers; OpenAI's {@code language} and timestamp granularities, and Deepgram's
     * own parameters.
     */
    static final Capabilities CAPABILITIES = TimedJson.capabilities(PARAMS);

    private static final ParamValue TRUE = ParamValue.text("true");

    private ListenCall() {
    }

    /** The transcript of {@code vetted}, from one call. */
    static Transcription transcribe(Deployment deployment, VettedRequest vetted, UpstreamCalls calls) {
        TranscriptionRequest kept = vetted.request();
        Optional<String> language = kept.language()
                .or(() -> vetted.value("language").map(value -> value.values().getFirst()));
        HttpUrl.Builder url = calls.endpoint().base().newBuilder().addPathSegment("listen")
                .addQueryParameter("model", deployment.providerModel());
        language.ifPresent(value -> url.addQueryParameter("language", value));
        implied(vetted.without("language"), kept).writeQuery(url);
        return calls.send(new Request.Builder().url(url.build()).post(new AudioRequestBody(kept.audio())),
                (body, contentType) -> ListenResponseReader.read(body, language));
    }

    private static VettedRequest implied(VettedRequest options, TranscriptionRequest request) {
        VettedRequest implied = options;
        if (TimedJson.needsSegments(request.responseFormat())
                || request.timestampGranularities().contains(TimestampGranularity.SEGMENT)) {
            implied = implied.orDefault("utterances", TRUE).orDefault("punctuate", TRUE);
        }
        if (request.responseFormat() == ResponseFormat.DIARIZED_JSON) {
            implied = implied.orDefault("diarize", TRUE);
        }
        return implied;
    }
}
