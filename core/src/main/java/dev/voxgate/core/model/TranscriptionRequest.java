package dev.voxgate.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One transcription as a caller asked for it, in OpenAI's terms.
 *
 * @param model                  the model group or {@code provider/model} name the caller named
 * @param audio                  the audio to transcribe
 * @param language               ISO-639-1 hint, if given
 * @param prompt                 style or continuation prompt, if given
 * @param responseFormat         the format the caller wants back
 * @param temperature            sampling temperature 0–1, if given
 * @param timestampGranularities timing detail for {@code verbose_json}; empty when not asked
 * @param providerParams         vendor-specific extras passed through by name (Deepgram {@code diarize}, …)
 */
public record TranscriptionRequest(
        String model,
        AudioInput audio,
        Optional<String> language,
        Optional<String> prompt,
        ResponseFormat responseFormat,
        Optional<Double> temperature,
        List<TimestampGranularity> timestampGranularities,
        Map<String, ParamValue> providerParams) {

    public TranscriptionRequest {
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(responseFormat, "responseFormat");
        Objects.requireNonNull(temperature, "temperature");
        temperature.ifPresent(value -> {
            if (value.isNaN() || value < 0 || value > 1) {
                throw new IllegalArgumentException("temperature must be between 0 and 1, was " + value);
            }
        });
        timestampGranularities = List.copyOf(timestampGranularities);
        providerParams = ParamValue.normalized(providerParams);
    }

    public static Builder builder(String model, AudioInput audio) {
        return new Builder(model, audio);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(model, audio);
        builder.language = language.orElse(null);
        builder.prompt = prompt.orElse(null);
        builder.responseFormat = responseFormat;
        builder.temperature = temperature.orElse(null);
        builder.timestampGranularities.addAll(timestampGranularities);
        builder.providerParams.putAll(providerParams);
        return builder;
    }

    /** Builds a {@link TranscriptionRequest}; not thread-safe. */
    public static final class Builder {
        private String model;
        private AudioInput audio;
        private String language;
        private String prompt;
        private ResponseFormat responseFormat = ResponseFormat.JSON;
        private Double temperature;
        private final List<TimestampGranularity> timestampGranularities = new ArrayList<>();
        private final Map<String, ParamValue> providerParams = new LinkedHashMap<>();

        private Builder(String model, AudioInput audio) {
            this.model = model;
            this.audio = audio;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder audio(AudioInput audio) {
            this.audio = audio;
            return this;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder timestampGranularities(List<TimestampGranularity> granularities) {
            timestampGranularities.clear();
            timestampGranularities.addAll(granularities);
            return this;
        }

        /**
         * Adds {@code name=value} as a form field reads: {@code name[]} adds to a list, {@code name[key]} to a map, a
         * plain name given again makes a list (see {@link ParamValue#add}).
         */
        public Builder providerParam(String name, String value) {
            ParamValue.add(providerParams, name, value);
            return this;
        }

        /** Sets parameter {@code name} to {@code value}, replacing what it had. */
        public Builder providerParam(String name, ParamValue value) {
            providerParams.putAll(ParamValue.normalized(Map.of(name, value)));
            return this;
        }

        public Builder providerParams(Map<String, ParamValue> params) {
            providerParams.putAll(ParamValue.normalized(params));
            return this;
        }

        public TranscriptionRequest build() {
            return new TranscriptionRequest(model, audio, Optional.ofNullable(language), Optional.ofNullable(prompt),
                    responseFormat, Optional.ofNullable(temperature), timestampGranularities, providerParams);
        }
    }
}
