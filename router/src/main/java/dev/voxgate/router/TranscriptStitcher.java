package dev.voxgate.router;

import dev.voxgate.core.audio.CutFinder.Span;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Joins the transcripts of an upload's chunks into the one transcript of the whole: texts in order; segments and
 * words moved to the whole audio's time, and numbered again; what the vendors billed added up. Where two chunks
 * overlap (a hard cut, made where no silence was found), each segment and word is kept from one of them only: from
 * the earlier if its middle lies before the middle of the overlap, else from the later, so a word on the cut is
 * neither lost nor said twice. Such a chunk's text is then rebuilt from the words (else the segments) it kept.
 *
 * <p>Stateless and thread-safe.
 */
final class TranscriptStitcher {

    /** One chunk's place in the audio and its transcript, as the vendor gave it, timed from the chunk's start. */
    record Piece(Span span, Transcription transcript) {
    }

    private TranscriptStitcher() {
    }

    /** The whole transcript of {@code pieces}, in order, of audio {@code seconds} long. */
    static Transcription stitch(List<Piece> pieces, double seconds) {
        List<String> texts = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            double from = i > 0 ? seam(pieces.get(i - 1).span(), piece.span()) : Double.NEGATIVE_INFINITY;
            double to = i + 1 < pieces.size() ? seam(piece.span(), pieces.get(i + 1).span()) : Double.POSITIVE_INFINITY;
            double offset = piece.span().startSeconds();
            Transcription transcript = piece.transcript();
            List<Segment> kept = new ArrayList<>();
            transcript.segments().stream().filter(s -> within(offset + (s.start() + s.end()) / 2, from, to))
                    .forEach(s -> kept.add(moved(s, offset, segments.size() + kept.size())));
            segments.addAll(kept);
            List<Word> keptWords = transcript.words().stream()
                    .filter(w -> within(offset + (w.start() + w.end()) / 2, from, to))
                    .map(w -> new Word(w.word(), w.start() + offset, w.end() + offset, w.speaker(), w.confidence()))
                    .toList();
            words.addAll(keptWords);
            texts.add(text(transcript, kept, keptWords));
        }
        List<Transcription> all = pieces.stream().map(Piece::transcript).toList();
        Set<String> languages = new LinkedHashSet<>();
        all.forEach(transcript -> languages.addAll(transcript.languages()));
        return new Transcription(texts.stream().filter(text -> !text.isEmpty()).collect(Collectors.joining(" ")),
                all.stream().flatMap(t -> t.language().stream()).findFirst(), Optional.of(seconds), segments, words,
                usage(all), Optional.empty(), List.copyOf(languages));
    }

    // The middle of the overlap of two neighbouring chunks; no overlap (a cut in silence) is the cut itself.
    private static double seam(Span earlier, Span later) {
        return (earlier.endSeconds() + later.startSeconds()) / 2;
    }

    private static boolean within(double middle, double from, double to) {
        return middle >= from && middle < to;
    }

    private static Segment moved(Segment s, double offset, int id) {
        // Whisper's seek counts 10 ms frames from the start of the audio it was sent.
        Optional<Integer> seek = s.seek().map(frames -> frames + (int) Math.round(offset * 100));
        return new Segment(id, s.start() + offset, s.end() + offset, s.text(), s.speaker(), seek, s.tokens(),
                s.temperature(), s.avgLogprob(), s.compressionRatio(), s.noSpeechProb());
    }

    // A chunk that overlaps nothing keeps its text as the vendor wrote it; one that lost items to an overlap says
    // what it kept, from its words if it has them (the finer cut), else its segments.
    private static String text(Transcription transcript, List<Segment> segments, List<Word> words) {
        if (segments.size() == transcript.segments().size() && words.size() == transcript.words().size()) {
            return transcript.text().strip();
        }
        return (transcript.words().isEmpty()
                ? segments.stream().map(Segment::text)
                : words.stream().map(Word::word)).map(String::strip).collect(Collectors.joining(" "));
    }

    // The vendors' bills added up, when they all billed alike; else the audio seconds they all gave.
    private static Optional<Usage> usage(List<Transcription> all) {
        if (all.stream().allMatch(t -> t.usage().filter(Usage.Duration.class::isInstance).isPresent())) {
            return Optional.of(new Usage.Duration(all.stream()
                    .mapToDouble(t -> ((Usage.Duration) t.usage().orElseThrow()).seconds()).sum()));
        }
        if (all.stream().allMatch(t -> t.usage().filter(Usage.Tokens.class::isInstance).isPresent())) {
            List<Usage.Tokens> tokens = all.stream().map(t -> (Usage.Tokens) t.usage().orElseThrow()).toList();
            return Optional.of(new Usage.Tokens(tokens.stream().mapToInt(Usage.Tokens::inputTokens).sum(),
                    tokens.stream().mapToInt(Usage.Tokens::outputTokens).sum(),
                    tokens.stream().mapToInt(Usage.Tokens::totalTokens).sum(),
                    sum(tokens.stream().map(Usage.Tokens::audioTokens).toList()),
                    sum(tokens.stream().map(Usage.Tokens::textTokens).toList())));
        }
        List<Optional<Double>> seconds = all.stream().map(Transcription::audioSeconds).toList();
        return seconds.stream().allMatch(Optional::isPresent)
                ? Optional.of(new Usage.Duration(seconds.stream().mapToDouble(Optional::get).sum()))
                : Optional.empty();
    }

    private static Optional<Integer> sum(List<Optional<Integer>> counts) {
        return counts.stream().allMatch(Optional::isPresent)
                ? Optional.of(counts.stream().mapToInt(Optional::get).sum()) : Optional.empty();
    }
}
