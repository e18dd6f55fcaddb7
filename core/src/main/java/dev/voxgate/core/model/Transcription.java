package dev.voxgate.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A transcript, in OpenAI's vocabulary whatever vendor produced it.
 *
 * @param text            the whole transcript
 * @param language        the spoken language as the vendor named it, if known
 * @param durationSeconds the audio's length, if known
 * @param segments        timed segments, empty when the vendor gave none
 * @param words           timed words, empty when the vendor gave none
 * @param usage           what the vendor billed, if it said
 * @param formattedBody   the vendor's own body in the requested text format ({@code text}, {@code srt},
 *                        {@code vtt}), kept verbatim so it can be passed through unchanged
 * @param languages       the languages the vendor detected, where it lists them (OpenAI's gpt-transcribe); empty
 *                        otherwise
 */
public record Transcription(
        String text,
        Optional<String> language,
        Optional<Double> durationSeconds,
        List<Segment> segments,
        List<Word> words,
        Optional<Usage> usage,
        Optional<String> formattedBody,
        List<String> languages) {

    public Transcription {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        segments = List.copyOf(segments);
        words = List.copyOf(words);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(formattedBody, "formattedBody");
        languages = List.copyOf(languages);
    }

    /** A transcript whose vendor lists no detected languages. */
    public Transcription(String text, Optional<String> language, Optional<Double> durationSeconds,
                         List<Segment> segments, List<Word> words, Optional<Usage> usage,
                         Optional<String> formattedBody) {
        this(text, language, durationSeconds, segments, words, usage, formattedBody, List.of());
    }

    /** The audio's length: the vendor's {@code duration}, else the seconds it billed, when it said either. */
    public Optional<Double> audioSeconds() {
        return durationSeconds.or(() -> usage.filter(Usage.Duration.class::isInstance)
                .map(billed -> ((Usage.Duration) billed).seconds()));
    }

    /** This transcript with {@code seconds} as its duration, when the vendor gave none. */
    public Transcription withMeasuredDuration(Optional<Double> seconds) {
        if (audioSeconds().isPresent() || seconds.isEmpty()) {
            return this;
        }
        return new Transcription(text, language, seconds, segments, words, usage, formattedBody, languages);
    }

    /** A transcript that is only text. */
    public static Transcription ofText(String text) {
        return new Transcription(text, Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.empty());
    }

    /** A transcript known only as the vendor's body in a text format; its text is that body. */
    public static Transcription ofFormattedBody(String body) {
        return new Transcription(body, Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty(),
                Optional.of(body));
    }

    /**
     * A timed piece of the transcript. The Whisper-specific statistics are present only when the vendor sent them.
     */
    public record Segment(
            int id,
            double start,
            double end,
            String text,
            Optional<String> speaker,
            Optional<Integer> seek,
            List<Integer> tokens,
            Optional<Double> temperature,
            Optional<Double> avgLogprob,
            Optional<Double> compressionRatio,
            Optional<Double> noSpeechProb) {

        public Segment {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(seek, "seek");
            tokens = List.copyOf(tokens);
            Objects.requireNonNull(temperature, "temperature");
            Objects.requireNonNull(avgLogprob, "avgLogprob");
            Objects.requireNonNull(compressionRatio, "compressionRatio");
            Objects.requireNonNull(noSpeechProb, "noSpeechProb");
        }

        /** A segment with timing and text only. */
        public static Segment of(int id, double start, double end, String text) {
            return new Segment(id, start, end, text, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A timed word, with the speaker and confidence where the vendor gives them. */
    public record Word(String word, double start, double end, Optional<String> speaker, Optional<Double> confidence) {
        public Word {
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(speaker, "speaker");
            Objects.requireNonNull(confidence, "confidence");
        }

        public static Word of(String word, double start, double end) {
            return new Word(word, start, end, Optional.empty(), Optional.empty());
        }
    }

    /** What the vendor billed: seconds of audio, or tokens. */
    public sealed interface Usage {
        record Duration(double seconds) implements Usage {
        }

        record Tokens(int inputTokens, int outputTokens, int totalTokens, Optional<Integer> audioTokens,
                      Optional<Integer> textTokens) implements Usage {
            public Tokens {
                Objects.requireNonNull(audioTokens, "audioTokens");
                Objects.requireNonNull(textTokens, "textTokens");
            }
        }
    }
}
