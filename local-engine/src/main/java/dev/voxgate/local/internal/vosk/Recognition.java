package dev.voxgate.local.internal.vosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.audio.DecodeDeadline;
import dev.voxgate.core.audio.MonoPcm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Decodes one request's audio with a recognizer of its own over the shared model, half a second at a time, so that
 * a passed deadline or an interrupt stops it between chunks. The recognizer is closed when the call ends.
 *
 * <p>Thread-safe: each call has its own recognizer.
 */
public final class Recognition {

    private static final int CHUNK_SAMPLES = MonoPcm.SAMPLE_RATE / 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CompletableFuture<Model> model;

    public Recognition(Model model) {
        this(CompletableFuture.completedFuture(model));
    }

    /** Over a model still loading ({@link SharedModels#loading}): the first call waits for it. */
    public Recognition(CompletableFuture<Model> model) {
        this.model = model;
    }

    /**
     * The words in {@code pcm}, in order.
     *
     * @throws TranscriptionException {@code UpstreamTimeout} when the deadline passes or the thread is interrupted
     *                                before the end
     */
    public List<RecognizedWord> words(MonoPcm pcm, DecodeDeadline deadline) {
        List<RecognizedWord> words = new ArrayList<>();
        try (Recognizer recognizer = new Recognizer(SharedModels.await(model), MonoPcm.SAMPLE_RATE)) {
            recognizer.setWords(true);
            short[] samples = pcm.samples();
            for (int offset = 0; offset < samples.length; offset += CHUNK_SAMPLES) {
                deadline.check("decoding");
                int length = Math.min(CHUNK_SAMPLES, samples.length - offset);
                if (recognizer.acceptWaveForm(Arrays.copyOfRange(samples, offset, offset + length), length)) {
                    words.addAll(parse(recognizer.getResult()));
                }
            }
            words.addAll(parse(recognizer.getFinalResult()));
            return words;
        } catch (IOException e) {
            throw new TranscriptionException(new UpstreamUnavailable("The local engine could not create a Vosk "
                    + "recognizer for its model", OptionalInt.empty()), e);
        }
    }

    private static List<RecognizedWord> parse(String json) {
        try {
            return JSON.readValue(json, VoskResult.class).words().stream()
                    .map(word -> new RecognizedWord(word.word(), word.start(), word.end(), word.conf()))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new TranscriptionException(new UpstreamProtocolError("Vosk answered with a result that does not "
                    + "parse as JSON"), e);
        }
    }
}
