package dev.voxgate.core.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.voxgate.core.model.AudioContent;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioDurationTest {

    // Three seconds of a 440 Hz sine in each container, made once with ffmpeg (see resources/audio/README.md).
    private static final String[] FIXTURES = {"sine.wav", "sine-rf64.wav", "sine-cbr.mp3", "sine-vbr.mp3",
            "sine.flac", "sine.opus", "sine.ogg", "sine.m4a", "sine-faststart.m4a", "sine.webm"};
    private static final double THREE_SECONDS_WITHIN_TWO_PERCENT = 0.06;

    @TempDir
    Path temp;

    static String[] fixtures() {
        return FIXTURES.clone();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyContainerIsMeasuredFromItsHeaders(String fixture) throws Exception {
        assertThat(AudioDuration.seconds(new AudioContent.InMemory(fixture(fixture))).orElseThrow())
                .isCloseTo(3.0, within(THREE_SECONDS_WITHIN_TWO_PERCENT));
        assertThat(AudioDuration.seconds(new AudioContent.OnDisk(path(fixture), Files.size(path(fixture))))
                .orElseThrow()).isCloseTo(3.0, within(THREE_SECONDS_WITHIN_TWO_PERCENT));
    }

    @Test
    void streamedWavWhoseDataSizeIsUnknownIsMeasuredFromTheFileSize() throws Exception {
        byte[] wav = fixture("sine.wav");
        int data = indexOf(wav, "data");
        putInt(wav, data + 4, 0xFFFF_FFFF);

        assertThat(seconds(wav).orElseThrow()).isCloseTo(3.0, within(0.001));
    }

    @Test
    void truncatedWavIsMeasuredByTheAudioThatArrived() throws Exception {
        byte[] wav = fixture("sine.wav");
        int header = indexOf(wav, "data") + 8;

        assertThat(seconds(Arrays.copyOf(wav, header + 16_000)).orElseThrow()).isCloseTo(1.0, within(0.001));
    }

    @Test
    void wavChunkOfOddSizeBeforeTheDataIsSkippedWithItsPadByte() {
        ByteBuffer wav = ByteBuffer.allocate(12 + 24 + 8 + 3 + 1 + 8 + 16_000).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(wav.capacity() - 8).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16_000)
                .putShort((short) 2).putShort((short) 16);
        wav.put(ascii("LIST")).putInt(3).put(new byte[] {'a', 'b', 'c', 0});
        wav.put(ascii("data")).putInt(16_000);

        assertThat(seconds(wav.array()).orElseThrow()).isCloseTo(1.0, within(0.001));
    }

    @Test
    void wavClaimingAnAbsurdlyLowByteRateIsNotTrusted() throws Exception {
        byte[] wav = fixture("sine.wav");
        putInt(wav, indexOf(wav, "fmt ") + 16, 1);

        assertThat(seconds(wav)).isEmpty();
    }

    @Test
    void opusHeaderClaimingAbsurdLengthIsNotTrusted() throws Exception {
        byte[] opus = fixture("sine.opus");
        int lastPage = lastIndexOf(opus, "OggS");
        ByteBuffer.wrap(opus).order(ByteOrder.LITTLE_ENDIAN).putLong(lastPage + 6, Long.MAX_VALUE);

        assertThat(seconds(opus)).isEmpty();
    }

    @Test
    void opusWhoseLastPageWasCutOffIsMeasuredToTheLastWholePage() throws Exception {
        byte[] opus = fixture("sine.opus");
        byte[] cut = Arrays.copyOf(opus, lastIndexOf(opus, "OggS") + 40);

        assertThat(seconds(cut).orElseThrow()).isBetween(2.0, 3.0);
    }

    @Test
    void flacHeaderClaimingAbsurdLengthIsNotTrusted() throws Exception {
        byte[] flac = fixture("sine.flac");
        // The 36-bit total samples fill the low bits of STREAMINFO's bytes 10..17.
        ByteBuffer.wrap(flac).put(8 + 13, (byte) (flac[8 + 13] | 0x0F)).putInt(8 + 14, 0xFFFF_FFFF);

        assertThat(seconds(flac)).isEmpty();
    }

    @Test
    void flacWithUnknownTotalSamplesHasNoDuration() throws Exception {
        byte[] flac = fixture("sine.flac");
        ByteBuffer.wrap(flac).put(8 + 13, (byte) (flac[8 + 13] & 0xF0)).putInt(8 + 14, 0);

        assertThat(seconds(flac)).isEmpty();
    }

    @Test
    void mp3XingHeaderClaimingBillionsOfFramesIsNotTrusted() throws Exception {
        byte[] mp3 = fixture("sine-vbr.mp3");
        ByteBuffer.wrap(mp3).putInt(indexOf(mp3, "Xing") + 8, 0xFFFF_FFFF);

        assertThat(seconds(mp3)).isEmpty();
    }

    @Test
    void mp4MovieHeaderClaimingAbsurdLengthIsNotTrusted() throws Exception {
        byte[] m4a = fixture("sine.m4a");
        ByteBuffer.wrap(m4a).putInt(indexOf(m4a, "mvhd") + 20, Integer.MAX_VALUE);

        assertThat(seconds(m4a)).isEmpty();
    }

    @Test
    void mp4CutOffBeforeItsMovieHeaderHasNoDuration() throws Exception {
        byte[] m4a = fixture("sine.m4a");

        assertThat(seconds(Arrays.copyOf(m4a, indexOf(m4a, "moov")))).isEmpty();
    }

    @Test
    void webmWithoutDurationHasNoDuration() throws Exception {
        byte[] webm = fixture("sine.webm");
        // Renaming the Duration element (0x4489) to an ID this reader does not know leaves Info without one.
        webm[indexOf(webm, new byte[] {0x44, (byte) 0x89, (byte) 0x88})] = 0x45;

        assertThat(seconds(webm)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void truncatedFilesNeverThrowAndNeverClaimMoreThanTheWhole(String fixture) throws Exception {
        byte[] whole = fixture(fixture);
        for (int length = 0; length < whole.length; length += 97) {
            Optional<Double> seconds = seconds(Arrays.copyOf(whole, length));
            seconds.ifPresent(value -> assertThat(value).isPositive().isLessThan(3.1));
        }
    }

    @Test
    void randomBytesBehindEverySignatureNeverThrowAndNeverClaimTheImpossible() {
        Random random = new Random(42);
        String[] heads = {"RIFF\0\0\0\0WAVE", "RF64\0\0\0\0WAVE", "ID3", "\u00ff\u00fb", "fLaC", "OggS", "\0\0\0\0ftyp",
                "\u001a\u0045\u00df\u00a3", ""};
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            byte[] head = heads[round % heads.length].getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(head, 0, bytes, 0, Math.min(head.length, bytes.length));
            seconds(bytes).ifPresent(value -> assertThat(value).isPositive().isLessThanOrEqualTo(
                    bytes.length * 8 / 1000.0));
        }
    }

    @Test
    void emptyTextAndUnreadableContentHaveNoDuration() {
        assertThat(seconds(new byte[0])).isEmpty();
        assertThat(seconds("just some notes".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(AudioDuration.seconds(new AudioContent.Lent(100, () -> {
            throw new IOException("gone");
        }))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine.m4a", "sine.opus", "sine.wav"})
    void largeFilesAreMeasuredFromTheirHeadersAlone(String fixture) throws Exception {
        // 300 MB of sparse zeros inside the fixture: within MP4's mdat box, before Ogg's last page, after WAV's data.
        byte[] audio = fixture(fixture);
        boolean mp4 = fixture.endsWith(".m4a");
        int split = mp4 ? indexOf(audio, "mdat") + 4 : fixture.endsWith(".opus") ? lastIndexOf(audio, "OggS")
                : audio.length;
        Path large = temp.resolve(fixture);
        long gap = 300L << 20;
        try (RandomAccessFile file = new RandomAccessFile(large.toFile(), "rw")) {
            file.write(audio, 0, split);
            file.seek(split + gap);
            file.write(audio, split, audio.length - split);
            file.setLength(audio.length + gap);
        }
        if (mp4) {
            growBox(large, split - 8, gap);
        }
        AtomicLong read = new AtomicLong();
        AudioContent content = new AudioContent.Lent(Files.size(large), () -> counting(large, read));

        assertThat(AudioDuration.seconds(content).orElseThrow())
                .isCloseTo(3.0, within(THREE_SECONDS_WITHIN_TWO_PERCENT));
        assertThat(read.get()).isLessThan(1 << 20);
    }

    private static void growBox(Path file, long boxStart, long extra) throws IOException {
        try (RandomAccessFile box = new RandomAccessFile(file.toFile(), "rw")) {
            box.seek(boxStart);
            long size = Integer.toUnsignedLong(box.readInt());
            box.seek(boxStart);
            box.writeInt((int) (size + extra));
        }
    }

    private static InputStream counting(Path file, AtomicLong read) throws IOException {
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                read.addAndGet(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                read.addAndGet(Math.max(0, n));
                return n;
            }
        };
    }

    private static Optional<Double> seconds(byte[] bytes) {
        return AudioDuration.seconds(new AudioContent.InMemory(bytes));
    }

    private static byte[] fixture(String name) throws IOException, URISyntaxException {
        return Files.readAllBytes(path(name));
    }

    private static Path path(String name) throws URISyntaxException {
        return Path.of(AudioDurationTest.class.getResource("/audio/" + name).toURI());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] bytes, String ascii) {
        return indexOf(bytes, ascii(ascii));
    }

    private static int indexOf(byte[] bytes, byte[] wanted) {
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new AssertionError("not in the fixture: " + Arrays.toString(wanted));
    }

    private static int lastIndexOf(byte[] bytes, String ascii) {
        byte[] wanted = ascii(ascii);
        for (int i = bytes.length - wanted.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new AssertionError("not in the fixture: " + ascii);
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    }
}
