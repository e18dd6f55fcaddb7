package dev.voxgate.local;

import static dev.voxgate.local.LocalDeployments.clip;
import static dev.voxgate.local.LocalDeployments.transcribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.Transcription.Word;
import dev.voxgate.core.model.TranscriptionRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled English model on the shipped clips, end to end through the port. */
class LocalEngineTest {

    static final String FOX = "the quick brown fox jumps over the lazy dog";

    private static TranscriptionPort local;

    @BeforeAll
    static void loadTheModelOnce() {
        local = LocalDeployments.bundled();
    }

    @Test
    void shortClipIsTranscribedWordForWord() {
        Transcription transcription = transcribe(local, clip("quick-brown-fox.wav"));

        assertThat(transcription.text()).isEqualTo(FOX);
        assertThat(transcription.language()).contains("en");
    }

    @Test
    void wordsAndSegmentsAreTimedAndTheDurationIsTheAudiosLength() {
        Transcription transcription = transcribe(local, clip("quick-brown-fox.wav"));

        assertThat(transcription.durationSeconds()).hasValueSatisfying(seconds ->
                assertThat(seconds).isCloseTo(3.44, within(0.01)));
        assertThat(transcription.usage()).contains(new Usage.Duration(4));
        assertThat(transcription.words()).extracting(Word::word).containsExactly(FOX.split(" "));
        for (int i = 1; i < transcription.words().size(); i++) {
            Word previous = transcription.words().get(i - 1);
            Word word = transcription.words().get(i);
            assertThat(word.start()).isGreaterThanOrEqualTo(previous.end() - 0.01);
            assertThat(word.end()).isGreaterThan(word.start()).isLessThanOrEqualTo(3.44);
            assertThat(word.confidence()).hasValueSatisfying(c -> assertThat(c).isBetween(0.0, 1.0));
        }
        assertThat(String.join(" ", transcription.segments().stream().map(Segment::text).toList())).isEqualTo(FOX);
        assertThat(transcription.segments().getFirst().start()).isEqualTo(transcription.words().getFirst().start());
    }

    @Test
    void humanSpeechStaysUnderAWordErrorRateBound() throws IOException {
        String reference = Files.readString(clip("sense-and-sensibility.txt"), StandardCharsets.UTF_8);

        Transcription transcription = transcribe(local, clip("sense-and-sensibility.wav"));

        // Measured at 2/44 (4.5%) on this clip; the bound leaves room for a different CPU's float rounding.
        assertThat(WordErrorRate.of(reference, transcription.text())).isLessThanOrEqualTo(0.15);
        assertThat(transcription.segments()).hasSizeGreaterThan(1);
        assertThat(transcription.durationSeconds()).hasValueSatisfying(seconds ->
                assertThat(seconds).isCloseTo(15.39, within(0.01)));
    }

    @Test
    void stereoAt44kHzGivesTheSameWordsAsMonoAt16kHz() {
        Transcription mono = transcribe(local, clip("quick-brown-fox.wav"));
        Transcription stereo = transcribe(local, clip("quick-brown-fox-44k-stereo.wav"));

        assertThat(stereo.text()).isEqualTo(mono.text()).isEqualTo(FOX);
        assertThat(stereo.durationSeconds().orElseThrow()).isCloseTo(mono.durationSeconds().orElseThrow(),
                within(0.01));
    }

    @Test
    void aRequestForAnotherLanguageIsRefusedAndARegionalTagOfEnglishIsNot() {
        AudioInput fox = AudioInput.of(clip("quick-brown-fox.wav"));

        assertThatThrownBy(() -> local.transcribe(TranscriptionRequest.builder("local", fox).language("de").build()))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(InvalidRequest.class);
                    assertThat(e.getMessage()).contains("local/vosk-en transcribes en only", "'de'");
                });
        assertThat(local.transcribe(TranscriptionRequest.builder("local", fox).language("en-US").build()).text())
                .isEqualTo(FOX);
    }

    @Test
    void theDeploymentsTimeoutStopsADecode() {
        TranscriptionPort hasty = LocalDeployments.port(LocalDeployments.deployment("vosk-en")
                .timeout(Duration.ofMillis(1)).build());

        assertThatThrownBy(() -> transcribe(hasty, clip("sense-and-sensibility.wav")))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(UpstreamTimeout.class);
                    assertThat(e.getMessage()).contains("time limit");
                });
    }

    @Test
    void anInterruptStopsADecodeBetweenChunks() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread decoding = Thread.ofPlatform().start(() -> {
            try {
                transcribe(local, clip("sense-and-sensibility.wav"));
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        Thread.sleep(200);
        decoding.interrupt();

        // 15 s of speech takes well over a second to decode, so finishing with a transcript would mean it ran on.
        assertThat(outcome.get(60, TimeUnit.SECONDS)).isInstanceOfSatisfying(TranscriptionException.class,
                e -> assertThat(e.failure()).isInstanceOf(UpstreamTimeout.class));
    }
}
