package dev.voxgate.providers.elevenlabs;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.ArrayEncoding;
import dev.voxgate.providers.http.AudioRequestBody;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.http.StandardField;
import dev.voxgate.providers.http.TimedJson;
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;
import java.math.BigDecimal;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.Request;

/**
 * One speech-to-text call: {@code POST {base}/v1/speech-to-text} with the file first, then {@code model_id}, OpenAI's
 * {@code language} as {@code language_code} and its {@code temperature}, what the requested format implies, then
 * ElevenLabs' own fields, a list as one part per value ({@code keyterms}), as ElevenLabs' JS client sends them.
 * Timed output needs word timestamps ({@code timestamps_granularity=word} unless set); {@code diarized_json} needs
 * speakers ({@code diarize=true} unless set). {@code enable_logging} is a query parameter, not a field.
 *
 * <p>Stateless and thread-safe.
 */
final class SpeechToTextCall {

    private static final String GRANULARITY = "timestamps_granularity";
    private static final String DIARIZE = "diarize";
    // The speech-to-text fields, less model_id (the deployment's), the file sources we replace (source_url,
    // cloud_storage_url), the webhook ones whose answer holds no transcript, the multichannel ones whose answer is a
    // list of transcripts, and additional_formats, whose extra documents a transcript has no place for.
    static final ParamSchema PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.TEMPERATURE, StandardField.TIMESTAMP_GRANULARITIES)
            .form(ParamType.TEXT, "language_code", GRANULARITY, "file_format", "entity_redaction_mode")
            .form(ParamType.NUMBER, "temperature", "num_speakers", "diarization_threshold", "seed")
            .form(ParamType.BOOLEAN, "tag_audio_events", DIARIZE, "no_verbatim", "detect_speaker_roles",
                    "use_speaker_library")
            // entity_detection and entity_redaction are "all", one category, or a list of them.
            .form(ParamType.LIST, "keyterms", "entity_detection", "entity_redaction")
            .query(ParamType.BOOLEAN, "enable_logging")
            .build();

    /**
     * What an ElevenLabs deployment serves, as {@link #transcribe} lets it through: its one JSON answer, from which
     * the proxy renders every other format (segments are grouped from the timed words, asked for whenever a timed
     * format or timings are); timed words and speakers; OpenAI's {@code language}, {@code temperature} and timestamp
     * granularities, and ElevenLabs' own fields.
     */
    static final Capabilities CAPABILITIES = TimedJson.capabilities(PARAMS);

    private SpeechToTextCall() {
    }

    /** The transcript of {@code vetted}, from one call. */
    static Transcription transcribe(Deployment deployment, VettedRequest vetted, UpstreamCalls calls) {
        TranscriptionRequest kept = vetted.request();
        AudioInput audio = kept.audio();
        HttpUrl.Builder url = calls.endpoint().base().newBuilder().addPathSegments("v1/speech-to-text");
        vetted.writeQuery(url);
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", audio.filename(), new AudioRequestBody(audio))
                .addFormDataPart("model_id", deployment.providerModel());
        kept.language().ifPresent(language -> form.addFormDataPart("language_code", language));
        kept.temperature().ifPresent(temperature -> form.addFormDataPart("temperature", plain(temperature)));
        // The caller's language is the language_code; a parameter of that name would send a second one.
        VettedRequest fields = kept.language().isPresent() ? vetted.without("language_code") : vetted;
        implied(fields, kept).writeForm(form, ArrayEncoding.REPEATED);
        return calls.send(new Request.Builder().url(url.build()).post(form.build()),
                (body, contentType) -> SpeechToTextReader.read(body));
    }

    private static VettedRequest implied(VettedRequest fields, TranscriptionRequest request) {
        VettedRequest implied = fields;
        if (TimedJson.needsSegments(request.responseFormat()) || !request.timestampGranularities().isEmpty()) {
            implied = implied.orDefault(GRANULARITY, ParamValue.text("word")).leading(GRANULARITY);
        }
        if (request.responseFormat() == ResponseFormat.DIARIZED_JSON) {
            implied = implied.orDefault(DIARIZE, ParamValue.text("true")).leading(GRANULARITY, DIARIZE);
        }
        return implied;
    }

    /** {@code 0.2}, never {@code 2.0E-1}. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
