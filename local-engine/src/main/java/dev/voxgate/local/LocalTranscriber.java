package dev.voxgate.local;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.core.audio.DecodeDeadline;
import dev.voxgate.core.audio.AudioDecoder;
import dev.voxgate.core.audio.MonoPcm;
import dev.voxgate.local.internal.vosk.RecognizedWord;
import dev.voxgate.local.internal.vosk.Recognition;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code local} deployment: takes a place in its {@link DecodeGate}, converts the audio, decodes it with its
 * own recognizer over the shared model and answers with words, segments and the audio's duration. The request's
 * {@code prompt} and {@code temperature} are Whisper's sampling hints and have no counterpart in Vosk. It declares
 * what it serves ({@link #capabilities()}) and refuses the rest before decoding: {@code diarized_json} (it cannot
 * tell speakers apart) and any vendor parameter, unless the deployment drops them.
 *
 * <p>Thread-safe; one instance serves concurrent requests.
 */
final class LocalTranscriber implements TranscriptionPort {

    // Every format the proxy renders from text, segments and words; no diarized_json, as Vosk names no speakers.
    private static final Set<ResponseFormat> FORMATS = EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT,
            ResponseFormat.SRT, ResponseFormat.VTT, ResponseFormat.VERBOSE_JSON);
    /** The longest audio one request may carry. */
    static final long MAX_AUDIO_SECONDS = 3600;
    static final Capabilities CAPABILITIES = Capabilities.builder()
            .nativeFormats(FORMATS)
            .wordTimestamps(true)
            .segmentTimestamps(true)
            .maxAudio(Duration.ofSeconds(MAX_AUDIO_SECONDS))
            .params(Set.of("language", "prompt", "temperature", "timestamp_granularities"))
            .build();

    private final Deployment deployment;
    private final String name;
    private final Recognition recognition;
    private final AudioDecoder decoder;
    private final DecodeGate gate;
    private final Optional<String> language;
    private final Duration timeLimit;

    LocalTranscriber(Deployment deployment, Recognition recognition, AudioDecoder decoder, DecodeGate gate,
                     Optional<String> language, Duration timeLimit) {
        this.deployment = deployment;
        this.name = deployment.qualifiedModel();
        this.recognition = recognition;
        this.decoder = decoder;
        this.gate = gate;
        this.language = language;
        this.timeLimit = timeLimit;
    }

    /**
     * Transcription only, no streaming; json, text, srt, vtt and verbose_json, all written here from the words and
     * the segments cut from them; word and segment timings; at most an hour of audio; the standard fields.
     */
    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        requireDeclared(request);
        requireSpokenLanguage(request);
        DecodeDeadline deadline = DecodeDeadline.after(timeLimit);
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

    private void requireDeclared(TranscriptionRequest request) {
        if (!FORMATS.contains(request.responseFormat())) {
            throw new TranscriptionException(InvalidRequest.ofParam("response_format", name + " does not produce "
                    + request.responseFormat().wireName() + ", as it cannot tell speakers apart; it produces json, "
                    + "text, srt, vtt and verbose_json"));
        }
        if (!deployment.dropParams()) {
            request.providerParams().keySet().stream().sorted().findFirst().ifPresent(param -> {
                throw new TranscriptionException(InvalidRequest.unsupportedParam(param, LocalProviderFactory.ID,
                        deployment.id()));
            });
        }
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
