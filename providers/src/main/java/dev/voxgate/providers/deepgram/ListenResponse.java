package dev.voxgate.providers.deepgram;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Deepgram's answer to a pre-recorded {@code /listen} call, as far as a transcript needs it. Every field may be
 * missing; {@link ListenResponseReader} decides what is required.
 */
record ListenResponse(Metadata metadata, Results results) {

    record Metadata(Double duration, @JsonProperty("request_id") String requestId) {
    }

    /** One entry per audio channel; {@code utterances} only with {@code utterances=true}, for every channel. */
    record Results(List<Channel> channels, List<Utterance> utterances) {
    }

    /** {@code detected_language} only with {@code detect_language=true}. */
    record Channel(List<Alternative> alternatives, @JsonProperty("detected_language") String detectedLanguage) {
    }

    /** {@code paragraphs} only with {@code paragraphs=true}, or {@code diarize}/{@code smart_format} on newer models. */
    record Alternative(String transcript, Double confidence, List<Word> words, Paragraphs paragraphs) {
    }

    /** {@code punctuated_word} with punctuate or smart_format; {@code speaker} (a number) with diarize. */
    record Word(
            String word,
            @JsonProperty("punctuated_word") String punctuatedWord,
            Double start,
            Double end,
            Double confidence,
            Integer speaker) {
    }

    /** Paragraphs, whose {@code transcript} with diarize reads {@code "\nSpeaker 0: …\n\nSpeaker 1: …"}. */
    record Paragraphs(String transcript, List<Paragraph> paragraphs) {
    }

    record Paragraph(List<Sentence> sentences, Integer speaker) {
    }

    record Sentence(String text, Double start, Double end) {
    }

    /** A stretch of speech of one speaker on one channel. */
    record Utterance(Double start, Double end, String transcript, Integer speaker, Integer channel) {
    }
}
