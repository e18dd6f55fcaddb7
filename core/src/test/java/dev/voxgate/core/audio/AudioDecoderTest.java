package dev.voxgate.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WAV read in Java in every encoding and layout it takes; other audio refused with advice when ffmpeg is absent. */
class AudioDecoderTest {

    private static final AudioDecoder NO_FFMPEG = new AudioDecoder("/nonexistent/bin/ffmpeg", 3600);
    private static final DecodeDeadline PLENTY = DecodeDeadline.after(Duration.ofMinutes(1));

    @Test
    void sixteenKilohertzMonoSixteenBitPassesThroughSampleForSample() {
        float[][] frames = {{0.5f}, {-0.25f}, {0f}, {1f}, {-1f}};

        short[] samples = decode(WavBytes.pcm(1, 16_000, 16).frames(frames)).samples();

        assertThat(samples).containsExactly((short) 16384, (short) -8192, (short) 0, (short) 32767, (short) -32767);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void integerPcmOfEveryWidthGivesTheSameTone(int bits) {
        MonoPcm pcm = decode(WavBytes.pcm(1, 16_000, bits).tone(440, 0.5, 0.5));

        assertThat(pcm.samples()).hasSize(8000);
        assertThat(rms(pcm.samples())).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void aStretchWrittenAsWavIsReadBackSampleForSample() {
        short[] samples = {0, 1, -1, 32767, -32768, 1234, -4321, 7};
        MonoPcm pcm = new MonoPcm(samples);

        byte[] wav = pcm.wav(2, 7);

        assertThat(wav).hasSize(MonoPcm.WAV_HEADER_BYTES + 10);
        assertThat(decode(wav).samples()).containsExactly((short) -1, (short) 32767, (short) -32768, (short) 1234,
                (short) -4321);
        assertThat(AudioDuration.seconds(new dev.voxgate.core.model.AudioContent.InMemory(pcm.wav(0, 8))))
                .contains(8.0 / MonoPcm.SAMPLE_RATE);
    }

    @Test
    void floatSamplesAndTheExtensibleHeaderAreRead() {
        MonoPcm floats = decode(WavBytes.float32(1, 16_000).tone(440, 0.5, 0.5));
        MonoPcm extensible = decode(WavBytes.pcm(1, 16_000, 24).extensible().tone(440, 0.5, 0.5));

        assertThat(rms(floats.samples())).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
        assertThat(extensible.samples()).isEqualTo(decode(WavBytes.pcm(1, 16_000, 24).tone(440, 0.5, 0.5)).samples());
    }

    @Test
    void channelsAreAveragedIntoOne() {
        float[][] frames = {{0.25f, -0.25f}, {0.5f, 0.25f}, {1f, 1f}};

        short[] samples = decode(WavBytes.pcm(2, 16_000, 16).frames(frames)).samples();

        assertThat(samples).containsExactly((short) 0, (short) 12288, (short) 32767);
    }

    @Test
    void otherRatesAreResampledToSixteenKilohertz() {
        MonoPcm pcm = decode(WavBytes.pcm(2, 44_100, 16).tone(440, 2.0, 0.5));

        assertThat(pcm.durationSeconds()).isCloseTo(2.0, within(0.001));
        assertThat(rms(Arrays.copyOfRange(pcm.samples(), 1000, 31000))).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void chunksBeforeTheDataAreSkippedAndAStreamedDataSizeReadsToTheEnd() {
        MonoPcm pcm = decode(WavBytes.pcm(1, 16_000, 16).withListChunk().streamed().tone(440, 0.25, 0.5));

        assertThat(pcm.samples()).hasSize(4000);
    }

    @Test
    void aWavEncodingJavaDoesNotReadIsRefusedNamingItAndFfmpeg() {
        assertRefused(WavBytes.muLaw(8000).tone(440, 0.1, 0.5), "speech.wav", "is WAV with µ-law samples",
                "Install ffmpeg");
    }

    @Test
    void mp3WithoutFfmpegIsRefusedNamingTheFormatAndHowToEnableIt() {
        byte[] mp3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertRefused(mp3, "speech.mp3", "'speech.mp3' is MP3 audio", "Install ffmpeg", "apt-get install ffmpeg",
                "or send WAV");
    }

    @Test
    void unknownBytesWithoutFfmpegAreRefusedAsNotWav() {
        assertRefused("hello, not audio".getBytes(), "notes.txt", "is not WAV", "Install ffmpeg");
    }

    @Test
    void aTruncatedWavIsRefusedSayingWhy() {
        byte[] whole = WavBytes.pcm(1, 16_000, 16).tone(440, 0.1, 0.5);

        assertRefused(Arrays.copyOf(whole, 30), "cut.wav", "cannot be read", "ends before its 'data' chunk");
    }

    @Test
    void audioLongerThanAnHourIsRefused() {
        byte[] hourAndASecond = WavBytes.pcm(1, 1000, 8).tone(100, 3601, 0.5);

        assertRefused(hourAndASecond, "long.wav", "longer than 60 minutes");
    }

    private static MonoPcm decode(byte[] wav) {
        return NO_FFMPEG.decode(AudioInput.of("test.wav", wav), PLENTY);
    }

    private static void assertRefused(byte[] bytes, String filename, String... phrases) {
        assertThatThrownBy(() -> NO_FFMPEG.decode(AudioInput.of(filename, bytes), PLENTY))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(InvalidRequest.class);
                    assertThat(((InvalidRequest) e.failure()).param()).contains("file");
                    assertThat(e.getMessage()).contains(phrases);
                });
    }

    static double rms(short[] samples) {
        double sum = 0;
        for (short sample : samples) {
            sum += (sample / 32767.0) * (sample / 32767.0);
        }
        return Math.sqrt(sum / samples.length);
    }
}
