package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.ParamSchema;
import dev.voxgate.providers.http.StandardField;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What Voxgate knows of OpenAI's transcription models, for OpenAI and for Azure deployments of them: the formats
 * each writes, the fields and parameters it takes (typed: {@code include[]}, {@code keywords[]}, {@code languages[]},
 * {@code known_speaker_names[]} and {@code known_speaker_references[]} are lists, {@code chunking_strategy} is
 * {@code auto} or a map such as {@code {type: server_vad, threshold: 0.5}}), whether it streams, its limits, and when
 * OpenAI shuts it down. A model is known
 * when its name (or an Azure deployment's name) contains a known model's name, the longest such name winning, so
 * {@code gpt-4o-mini-transcribe-2025-12-15} is {@code gpt-4o-mini-transcribe}. Any other name (a self-hosted
 * server, an Azure deployment named freely) keeps its vendor's defaults. Translations stay the vendor's, whatever
 * the model.
 *
 * <p>Stateless and thread-safe.
 */
public final class OpenAiModels {

    /** The day OpenAI retires whisper-1 and the gpt-4o transcribe models, and {@code /v1/audio/translations}. */
    public static final LocalDate SHUTDOWN_2027_02_26 = LocalDate.of(2027, 2, 26);

    // OpenAI refuses a larger body: "Maximum content size limit (26214400) exceeded".
    private static final long MAX_UPLOAD_BYTES = 26_214_400L;
    private static final Set<ResponseFormat> JSON_AND_TEXT = EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT);
    private static final String LANGUAGES = "languages";
    private static final String CHUNKING = "chunking_strategy";
    private static final String[] KNOWN_SPEAKERS = {"known_speaker_names", "known_speaker_references"};
    // Every parameter of the endpoint, for a model name it does not know (a self-hosted server, an Azure deployment
    // named freely), which keeps the vendor's fields.
    private static final ParamSchema ANY_MODEL_PARAMS = ParamSchema.builder().allStandardFields()
            .form(ParamType.LIST, "include").form(ParamType.TEXT_OR_MAP, CHUNKING)
            .form(ParamType.LIST, KNOWN_SPEAKERS).build();
    // include[] is the gpt-4o models' and known_speaker_*[] the diarizing model's.
    private static final ParamSchema WHISPER_PARAMS = ParamSchema.builder().allStandardFields()
            .form(ParamType.TEXT_OR_MAP, CHUNKING).build();
    // No timestamp granularities.
    private static final ParamSchema GPT_4O_PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.PROMPT, StandardField.RESPONSE_FORMAT,
                    StandardField.TEMPERATURE)
            .form(ParamType.LIST, "include").form(ParamType.TEXT_OR_MAP, CHUNKING).build();
    // No prompt and no timestamp granularities.
    private static final ParamSchema DIARIZE_PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.RESPONSE_FORMAT, StandardField.TEMPERATURE)
            .form(ParamType.TEXT_OR_MAP, CHUNKING).form(ParamType.LIST, KNOWN_SPEAKERS).build();
    // languages[] instead of language (a caller's is moved there), and neither temperature nor timestamp
    // granularities.
    private static final ParamSchema GPT_TRANSCRIBE_PARAMS = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.PROMPT, StandardField.RESPONSE_FORMAT)
            .form(ParamType.LIST, "keywords", LANGUAGES).build();

    private OpenAiModels() {
    }

    /**
     * The fields and parameters of OpenAI's transcription endpoint over all its models: every OpenAI field,
     * {@code include[]}, {@code chunking_strategy}, {@code known_speaker_names[]} and
     * {@code known_speaker_references[]}, which Azure's preview api-versions mirror. A known model narrows them.
     */
    public static ParamSchema params() {
        return ANY_MODEL_PARAMS;
    }

    /** The rules of the known models, for a profile's {@link OpenAiCompatProfileBuilder#models}. */
    public static ModelRules rules() {
        return (model, profile) -> Model.in(model).ifPresent(known -> {
            profile.maxUploadBytes(MAX_UPLOAD_BYTES);
            known.adjust(profile);
        });
    }

    /**
     * The day OpenAI shuts {@code model} down, when it has announced one: whisper-1, gpt-4o-transcribe,
     * gpt-4o-mini-transcribe and gpt-4o-transcribe-diarize on {@link #SHUTDOWN_2027_02_26}; empty for gpt-transcribe
     * and for names it does not know.
     */
    public static Optional<LocalDate> shutdownDate(String model) {
        return Model.in(model).flatMap(Model::shutdown);
    }

    private enum Model {
        WHISPER_1("whisper-1", SHUTDOWN_2027_02_26) {
            @Override
            void adjust(OpenAiCompatProfileBuilder profile) {
                profile.responseFormats(OpenAiCompatProfile.WHISPER_FORMATS).params(WHISPER_PARAMS).streaming(false);
            }
        },
        GPT_4O_TRANSCRIBE("gpt-4o-transcribe", SHUTDOWN_2027_02_26) {
            @Override
            void adjust(OpenAiCompatProfileBuilder profile) {
                gpt4o(profile);
            }
        },
        GPT_4O_MINI_TRANSCRIBE("gpt-4o-mini-transcribe", SHUTDOWN_2027_02_26) {
            @Override
            void adjust(OpenAiCompatProfileBuilder profile) {
                gpt4o(profile);
            }
        },
        GPT_4O_TRANSCRIBE_DIARIZE("gpt-4o-transcribe-diarize", SHUTDOWN_2027_02_26) {
            @Override
            void adjust(OpenAiCompatProfileBuilder profile) {
                // Beyond 1400 s the answer says "longer than 1400 seconds which is the maximum for this model".
                profile.responseFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT,
                                ResponseFormat.DIARIZED_JSON))
                        .params(DIARIZE_PARAMS).streaming(true).maxAudio(Duration.ofSeconds(1400));
            }
        },
        GPT_TRANSCRIBE("gpt-transcribe", null) {
            @Override
            void adjust(OpenAiCompatProfileBuilder profile) {
                profile.responseFormats(JSON_AND_TEXT).params(GPT_TRANSCRIBE_PARAMS).shaper(OpenAiModels::languageAsLanguages)
                        .streaming(true);
            }
        };

        private final String name;
        private final LocalDate shutdown;

        Model(String name, LocalDate shutdown) {
            this.name = name;
            this.shutdown = shutdown;
        }

        /** Sets what this model does differently from its vendor's defaults. */
        abstract void adjust(OpenAiCompatProfileBuilder profile);

        Optional<LocalDate> shutdown() {
            return Optional.ofNullable(shutdown);
        }

        static Optional<Model> in(String model) {
            String lower = model.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(known -> lower.contains(known.name))
                    .max(Comparator.comparingInt(known -> known.name.length()));
        }

        private static void gpt4o(OpenAiCompatProfileBuilder profile) {
            profile.responseFormats(JSON_AND_TEXT).params(GPT_4O_PARAMS).streaming(true);
        }
    }

    /**
     * gpt-transcribe takes the expected languages as {@code languages[]} and refuses the singular: a caller's
     * {@code language} is sent as one, under the name the deployment gives its own {@code languages}, so the caller's
     * replaces the deployment's default rather than joining it.
     */
    private static TranscriptionRequest languageAsLanguages(TranscriptionRequest request, Deployment deployment) {
        if (request.language().isEmpty()) {
            return request;
        }
        if (request.providerParams().containsKey(LANGUAGES)) {
            throw new TranscriptionException(InvalidRequest.ofParam("language", "model '"
                    + deployment.providerModel() + "' (deployment '" + deployment.id() + "') takes languages[] "
                    + "instead of language; give one or the other"));
        }
        return request.toBuilder().language(null).providerParam(LANGUAGES + "[]", request.language().get().strip())
                .build();
    }
}
