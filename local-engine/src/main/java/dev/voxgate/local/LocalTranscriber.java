package dev.voxgate.local;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.local.internal.Deadline;
import dev.voxgate.local.internal.audio.AudioDecoder;
import dev.voxgate.local.internal.audio.MonoPcm;
import dev.voxgate.local.internal.vosk.RecognizedWord;
import dev.voxgate.local.internal.vosk.Recognition;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code local} deployment: takes a place in its {@link DecodeGate}, converts the audio, decodes it with its
 * own recognizer over the shared model and answers with words, segments and the audio's duration. The request's
 * {@code prompt} and {@code temperature} are Whisper's sampling hints and have no counterpart in Vosk.
 *
 * <p>Thread-safe; one instance serves concurrent requests.
 */
final class LocalTranscriber implements TranscriptionPort {

    private final String name;
    private final Recognition recognition;
    private final AudioDecoder decoder;
    private final DecodeGate gate;
    private final Optional<String> language;
    private final Duration timeLimit;

    LocalTranscriber(String name, Recognition recognition, AudioDecoder decoder, DecodeGate gate,
                     Optional<String> language, Duration timeLimit) {
        this.name = name;
        this.recognition = recognition;
        this.decoder = decoder;
        this.gate = gate;
        this.language = language;
        this.timeLimit = timeLimit;
    }

    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        requireSpokenLanguage(request);
        Deadline deadline = Deadline.after(timeLimit);
        try (DecodeGate.Ticket ticket = gate.admit()) {
            ticket.awaitSlot(deadline);
            MonoPcm pcm = decoder.decode(request.audio(), deadline);
            return transcription(recognition.words(pcm, deadline), pcm.durationSeconds());
        }
    }

    private Transcription transcription(List<RecognizedWord> recognized, double seconds) {
        List<Word> words = recognized.stream()
                .map(word -> new Word(word.word(), word.start(), word.end(), Optional.empty(),
                        Optional.of(word.confidence())))
                .toList();
        String text = String.join(" ", words.stream().map(Word::word).toList());
        return new Transcription(text, language, Optional.of(seconds), Segmenter.segments(recognized), words,
                Optional.of(new Usage.Duration(Math.ceil(seconds))), Optional.empty());
    }

    // A Vosk model speaks one language; transcribing other speech with it gives confident nonsense.
    private void requireSpokenLanguage(TranscriptionRequest request) {
        if (request.language().isEmpty() || language.isEmpty()) {
            return;
        }
        String asked = request.language().get().strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (!asked.equals(language.get())) {
            throw new TranscriptionException(InvalidRequest.ofParam("language", name + " transcribes "
                    + language.get() + " only, and this request asks for '" + request.language().get()
                    + "'; leave language out, or use a model group that speaks it"));
        }
    }
}
