package dev.voxgate.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.audio.MonoPcm;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.core.model.TranscriptionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/**
 * An upload over every deployment's limit goes out in chunks cut at its silences, each routed on its own, and comes
 * back as one transcript. The audio: 25 s of tone, 2 s of silence, 33 s of tone (60 s); the deployments take 30 s
 * at most, so the chunks are 0-26 s (cut in the pause), 26-56 s (a hard cut, no pause in its last 10 s) and
 * 55-60 s (one second of overlap).
 */
class ChunkedRoutingTest {

    private static final int RATE = MonoPcm.SAMPLE_RATE;
    private static final long THIRTY_SECONDS_OF_WAV = MonoPcm.WAV_HEADER_BYTES + 30L * RATE * 2;
    private static final byte[] AUDIO = audio();

    private final FakeClock clock = new FakeClock();

    @Test
    void anUploadOverEveryLimitIsSentInChunksAndStitchedInOrderOnTheWholeAudiosTime() {
        ListeningPort vendor = new ListeningPort(seconds -> false);
        Router router = router(ChunkingSettings.defaults(), deployment("small", vendor));

        Routed<Transcription> routed = router.route(request(ResponseFormat.VERBOSE_JSON), CallOptions.defaults());

        assertThat(vendor.uploads).hasSize(3).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(
                THIRTY_SECONDS_OF_WAV));
        Transcription transcript = routed.value();
        assertThat(transcript.text()).isEqualTo("26.00 s 30.00 s 5.00 s");
        assertThat(transcript.segments()).extracting(Segment::id, Segment::start, Segment::end)
                .containsExactly(tuple(0, 0.0, 26.0),
                        tuple(1, 26.0, 56.0),
                        tuple(2, 55.0, 60.0));
        assertThat(transcript.usage()).contains(new Usage.Duration(61));
        assertThat(transcript.durationSeconds()).contains(60.0);
        assertThat(routed.report().chunks()).extracting(RoutingReport.Chunk::startSeconds)
                .containsExactly(0.0, 26.0, 55.0);
        assertThat(routed.report().attempts()).hasSize(3);
        assertThat(routed.report().retries()).isZero();
        assertThat(routed.report().audioSeconds()).contains(61.0);
    }

    @Test
    void aChunkWhoseDeploymentFailsIsRetriedOnAnotherAndTheAnswerIsWhole() {
        ListeningPort flaky = new ListeningPort(seconds -> seconds == 26);
        ListeningPort steady = new ListeningPort(seconds -> false);
        Router router = router(ChunkingSettings.defaults().toBuilder().maxParallel(1).build(),
                deployment("flaky", flaky), deployment("steady", steady));

        Routed<Transcription> routed = router.route(request(ResponseFormat.JSON), CallOptions.defaults());

        assertThat(routed.value().text()).isEqualTo("26.00 s 30.00 s 5.00 s");
        assertThat(routed.report().attempts()).hasSize(4);
        assertThat(routed.report().retries()).isEqualTo(1);
        assertThat(routed.report().attempts().getFirst().failure()).isPresent();
        assertThat(routed.report().attempts().get(1).deploymentId()).isEqualTo("steady");
    }

    @Test
    void aChunkThatFailsEverywhereFailsTheCallNamingItsTimeRange() {
        ListeningPort failsTheMiddle = new ListeningPort(seconds -> seconds == 30);
        Router router = router(ChunkingSettings.defaults().toBuilder().maxParallel(1).build(),
                deployment("only", failsTheMiddle));

        assertThatThrownBy(() -> router.route(request(ResponseFormat.SRT), CallOptions.builder().numRetries(0).build()))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(UpstreamUnavailable.class);
                    assertThat(((UpstreamUnavailable) e.failure()).upstreamStatus()).hasValue(503);
                    assertThat(e.getMessage()).startsWith("Chunk 2 of 3 (26.0 s to 56.0 s of the audio) failed, "
                            + "so no transcript is returned: ").contains("overloaded");
                    assertThat(e.report().deploymentId()).isEmpty();
                    assertThat(e.report().chunks()).extracting(RoutingReport.Chunk::index).contains(1);
                });
    }

    @Test
    void noMoreChunksRunAtOnceThanAllowed() {
        ListeningPort vendor = new ListeningPort(seconds -> false);
        Router router = router(ChunkingSettings.defaults().toBuilder().maxParallel(2).build(),
                deployment("small", vendor));

        router.route(request(ResponseFormat.JSON), CallOptions.defaults());

        assertThat(vendor.uploads).hasSize(3);
        assertThat(vendor.mostAtOnce.get()).isBetween(1, 2);
    }

    @Test
    void aPromptChainSendsEachChunkTheEndOfThePreviousChunksText() {
        ListeningPort vendor = new ListeningPort(seconds -> false);
        Router router = router(ChunkingSettings.defaults().toBuilder().promptChain(true).build(),
                deployment("small", vendor));

        router.route(request(ResponseFormat.JSON).toBuilder().prompt("Tones.").build(), CallOptions.defaults());

        assertThat(vendor.prompts).containsExactly("Tones.", "Tones. 26.00 s", "Tones. 30.00 s");
    }

    @Test
    void aTranslationIsChunkedTheSameWay() {
        ListeningPort vendor = new ListeningPort(seconds -> false);
        Router router = router(ChunkingSettings.defaults(), deployment("small", vendor));

        Routed<Transcription> routed = router.route(request(ResponseFormat.JSON), CallOptions.translation());

        assertThat(routed.value().text()).isEqualTo("[en] 26.00 s [en] 30.00 s [en] 5.00 s");
        assertThat(vendor.translations.get()).isEqualTo(3);
    }

    @Test
    void aStreamOfAnUploadThatWouldBeChunkedIsRefusedBeforeAnyCall() {
        ListeningPort vendor = new ListeningPort(seconds -> false);
        Router router = router(ChunkingSettings.defaults(), deployment("small", vendor));

        assertThatThrownBy(() -> router.routeStreaming(request(ResponseFormat.JSON), CallOptions.defaults(),
                piece -> { }))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                            invalid -> assertThat(invalid.param()).contains("stream"));
                    assertThat(e.getMessage()).contains("stream=false").contains("max_file_size_mb");
                });
        assertThat(vendor.uploads).isEmpty();
    }

    @Test
    void withChunkingOffTheUploadIsTooLargeAsBefore() {
        ListeningPort vendor = new ListeningPort(seconds -> false);
        Router router = router(ChunkingSettings.disabled(), deployment("small", vendor));

        assertThatThrownBy(() -> router.route(request(ResponseFormat.JSON), CallOptions.defaults()))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class,
                        e -> assertThat(e.failure()).isInstanceOf(PayloadTooLarge.class));
        assertThat(vendor.uploads).isEmpty();
    }

    @Test
    void audioThatCannotBeDecodedIsABadRequestNamingTheFile() {
        Router router = router(ChunkingSettings.defaults().toBuilder().ffmpegPath("/nonexistent/ffmpeg").build(),
                deployment("small", new ListeningPort(seconds -> false)));
        byte[] notWav = new byte[AUDIO.length];
        System.arraycopy("ID3".getBytes(), 0, notWav, 0, 3);

        assertThatThrownBy(() -> router.route(TranscriptionRequest.builder("speech", AudioInput.of("long.mp3", notWav))
                .build(), CallOptions.defaults()))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOfSatisfying(InvalidRequest.class,
                            invalid -> assertThat(invalid.param()).contains("file"));
                    assertThat(e.getMessage()).contains("long.mp3").contains("ffmpeg");
                });
    }

    @Test
    void aLargeWavThatHoldsNoSamplesIsABadRequestNotAFailureOfTheProxy() {
        Router router = router(ChunkingSettings.defaults(), deployment("small", new ListeningPort(seconds -> false)));
        // A 2 MB "junk" chunk before an empty data chunk: over the limit, and not a sample in it.
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + 8 + 2_000_000).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(wav.capacity() - 8).put("WAVEfmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2)
                .putShort((short) 16).put("junk".getBytes()).putInt(2_000_000).position(44 + 2_000_000)
                .put("data".getBytes()).putInt(0);

        assertThatThrownBy(() -> router.route(TranscriptionRequest.builder("speech",
                AudioInput.of("empty.wav", wav.array())).build(), CallOptions.defaults()))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(InvalidRequest.class);
                    assertThat(e.getMessage()).contains("'empty.wav' holds no audio");
                });
    }

    private Router router(ChunkingSettings chunking, Vendor... vendors) {
        Router.Builder builder = Router.builder().clock(clock).sleeper(new RecordingSleeper(clock))
                .strategy(Fixture.FIRST_CANDIDATE)
                .settings(RouterSettings.builder().chunking(chunking).build());
        for (Vendor vendor : vendors) {
            builder.deployment(vendor.deployment(), vendor.port());
        }
        return builder.build();
    }

    /** A deployment that takes 30 s of 16 kHz WAV at most, and its port. */
    private record Vendor(Deployment deployment, ListeningPort port) {
    }

    private static Vendor deployment(String id, ListeningPort port) {
        return new Vendor(Deployment.builder(id, "speech", "openai", "whisper-1")
                .maxUploadBytes(THIRTY_SECONDS_OF_WAV).build(), port);
    }

    private static TranscriptionRequest request(ResponseFormat format) {
        return TranscriptionRequest.builder("speech", AudioInput.of("long.wav", AUDIO)).responseFormat(format).build();
    }

    private static byte[] audio() {
        short[] samples = new short[60 * RATE];
        for (int i = 0; i < samples.length; i++) {
            boolean pause = i >= 25 * RATE && i < 27 * RATE;
            samples[i] = pause ? 0 : (short) Math.round(16000 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        return new MonoPcm(samples).wav(0, samples.length);
    }

    /**
     * A vendor that hears how long each upload plays and says so: text {@code "26.00 s"}, one segment over the whole
     * upload, billed in whole seconds. It fails (503) the chunks of the lengths {@code failing} picks, and records
     * what it was sent.
     */
    private static final class ListeningPort implements TranscriptionPort {
        final List<Long> uploads = new CopyOnWriteArrayList<>();
        final List<String> prompts = new CopyOnWriteArrayList<>();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger translations = new AtomicInteger();
        private final AtomicInteger atOnce = new AtomicInteger();
        private final DoublePredicate failing;

        ListeningPort(DoublePredicate failing) {
            this.failing = failing;
        }

        @Override
        public Transcription transcribe(TranscriptionRequest request) {
            mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
            try {
                byte[] wav = read(request);
                uploads.add((long) wav.length);
                double seconds = (wav.length - MonoPcm.WAV_HEADER_BYTES) / 2.0 / RATE;
                request.prompt().ifPresent(prompts::add);
                Thread.sleep(20); // long enough for the other chunks' calls to overlap this one
                if (failing.test(seconds)) {
                    throw new TranscriptionException(new UpstreamUnavailable("HTTP 503 from vendor: overloaded",
                            OptionalInt.of(503)));
                }
                String text = String.format(Locale.ROOT, "%.2f s", seconds);
                return new Transcription(text, Optional.of("english"), Optional.of(seconds),
                        List.of(Segment.of(0, 0, seconds, " " + text)), List.of(),
                        Optional.of(new Usage.Duration(Math.ceil(seconds))), Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TranscriptionException(new UpstreamUnavailable("interrupted", OptionalInt.empty()));
            } finally {
                atOnce.decrementAndGet();
            }
        }

        @Override
        public Transcription translate(TranscriptionRequest request) {
            translations.incrementAndGet();
            Transcription heard = transcribe(request);
            return new Transcription("[en] " + heard.text(), heard.language(), heard.durationSeconds(),
                    heard.segments(), heard.words(), heard.usage(), heard.formattedBody());
        }

        private static byte[] read(TranscriptionRequest request) {
            try (InputStream in = request.audio().content().open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
