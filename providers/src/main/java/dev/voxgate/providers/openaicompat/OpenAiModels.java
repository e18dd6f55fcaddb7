package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TranscriptionRequest;
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
 * each writes, the fields it takes, whether it streams, its limits, and when OpenAI shuts it down. A model is known
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

    private OpenAiModels() {
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
                // include[] is the gpt-4o models' and known_speaker_*[] the diarizing model's.
                profile.responseFormats(OpenAiCompatProfile.WHISPER_FORMATS).extras(ExtraFields.of("chunking_strategy"))
                        .streaming(false);
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
                // No prompt and no timestamp granularities; the answer says "longer than 1400 seconds which is the
                // maximum for this model" beyond that.
                profile.responseFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT,
                                ResponseFormat.DIARIZED_JSON))
                        .standardFields(EnumSet.of(StandardField.LANGUAGE, StandardField.RESPONSE_FORMAT,
                                StandardField.TEMPERATURE))
                        .extras(ExtraFields.of("chunking_strategy", "known_speaker_names[]",
                                "known_speaker_references[]"))
                        .streaming(true).maxAudio(Duration.ofSeconds(1400));
            }
        },
        GPT_TRANSCRIBE("gpt-transcribe", null) {
            @Override
            void adjust(OpenAiCompatProfileBuilder profile) {
                // languages[] instead of language, and neither temperature nor timestamp granularities.
                profile.responseFormats(JSON_AND_TEXT)
                        .standardFields(EnumSet.of(StandardField.LANGUAGE, StandardField.PROMPT,
                                StandardField.RESPONSE_FORMAT))
                        .extras(ExtraFields.of("keywords[]", LANGUAGES + "[]"))
                        .shaper(OpenAiModels::languageAsLanguages)
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
            profile.responseFormats(JSON_AND_TEXT)
                    .standardFields(EnumSet.of(StandardField.LANGUAGE, StandardField.PROMPT,
                            StandardField.RESPONSE_FORMAT, StandardField.TEMPERATURE))
                    .extras(ExtraFields.of("include[]", "chunking_strategy"))
                    .streaming(true);
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
