package dev.voxgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Speech that a fake vendor can really hear: "words" that are tone bursts, word {@code k} at {@code 300 + 40 k} Hz,
 * with pauses between them. {@link #write} makes such a recording; {@link #hear} listens to a 16-bit PCM WAV upload
 * (a whole file or a chunk of one) and says which words it holds and where, as a vendor's transcript would, so that
 * a test can tell whether chunks were cut, sent and stitched back without losing, repeating or misplacing a word.
 */
final class ToneSpeech {

    /** One heard word, timed from the start of the audio it was heard in. */
    record Word(String word, double start, double end) {
    }

    private static final int RATE = 16_000;
    private static final int FRAME = RATE / 50;
    private static final double LOUD_RMS = 0.02;

    private ToneSpeech() {
    }

    /** The word that the tone {@code k} says. */
    static String word(int k) {
        return "w" + k;
    }

    /**
     * A 16 kHz mono WAV of {@code words} words of {@code wordSeconds} each (word {@code k} modulo 40), every one
     * followed by {@code pauseSeconds} of near silence (hiss at -60 dBFS).
     */
    static Path write(Path file, int words, double wordSeconds, double pauseSeconds) {
        int perWord = (int) Math.round(wordSeconds * RATE);
        int perPause = (int) Math.round(pauseSeconds * RATE);
        short[] samples = new short[words * (perWord + perPause)];
        java.util.Random hiss = new java.util.Random(3);
        int at = 0;
        for (int k = 0; k < words; k++) {
            double hertz = 300 + 40 * (k % 40);
            for (int i = 0; i < perWord; i++) {
                samples[at++] = (short) Math.round(12000 * Math.sin(2 * Math.PI * hertz * i / RATE));
            }
            for (int i = 0; i < perPause; i++) {
                samples[at++] = (short) (hiss.nextInt(65) - 32);
            }
        }
        ByteBuffer out = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length * 2);
        for (short sample : samples) {
            out.putShort(sample);
        }
        try {
            return Files.write(file, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The words in a 16 kHz, 16-bit mono PCM WAV, each named by its tone's pitch (zero crossings over its length).
     *
     * @throws IllegalArgumentException when {@code wav} is not such a WAV file, as a strict vendor would refuse it
     */
    static List<Word> hear(byte[] wav) {
        short[] samples = samples(wav);
        List<Word> words = new ArrayList<>();
        int runStart = -1;
        for (int frame = 0; frame <= samples.length / FRAME; frame++) {
            boolean loud = frame < samples.length / FRAME && rms(samples, frame) > LOUD_RMS;
            if (loud && runStart < 0) {
                runStart = frame;
            } else if (!loud && runStart >= 0) {
                words.add(word(samples, runStart * FRAME, frame * FRAME));
                runStart = -1;
            }
        }
        return words;
    }

    /** What a vendor answers in {@code verbose_json}: the words, and segments that tile the audio, one per word. */
    static String verboseJson(byte[] wav) {
        List<Word> words = hear(wav);
        double duration = (samples(wav).length) / (double) RATE;
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            double start = i == 0 ? 0 : (words.get(i - 1).end() + words.get(i).start()) / 2;
            double end = i + 1 == words.size() ? duration : (words.get(i).end() + words.get(i + 1).start()) / 2;
            segments.add(String.format(Locale.ROOT, "{\"id\":%d,\"seek\":0,\"start\":%.3f,\"end\":%.3f,\"text\":\" %s\"}",
                    i, start, end, words.get(i).word()));
        }
        String wordList = words.stream().map(word -> String.format(Locale.ROOT,
                "{\"word\":\"%s\",\"start\":%.3f,\"end\":%.3f}", word.word(), word.start(), word.end()))
                .collect(Collectors.joining(","));
        return String.format(Locale.ROOT, "{\"task\":\"transcribe\",\"language\":\"english\",\"duration\":%.3f,"
                + "\"text\":\"%s\",\"segments\":[%s],\"words\":[%s],\"usage\":{\"type\":\"duration\",\"seconds\":%d}}",
                duration, text(words), String.join(",", segments), wordList, (long) Math.ceil(duration));
    }

    static String text(List<Word> words) {
        return words.stream().map(Word::word).collect(Collectors.joining(" "));
    }

    /** The length of a PCM WAV, as {@link #hear} reads it; empty when it is no such file. */
    static OptionalDouble seconds(byte[] wav) {
        try {
            return OptionalDouble.of(samples(wav).length / (double) RATE);
        } catch (IllegalArgumentException e) {
            return OptionalDouble.empty();
        }
    }

    // Crossings counted with hysteresis, so that the hiss in a frame at either end of the word adds none.
    private static Word word(short[] samples, int from, int to) {
        int crossings = 0;
        int side = 0;
        for (int i = from; i < to; i++) {
            int now = samples[i] > 1000 ? 1 : samples[i] < -1000 ? -1 : side;
            if (side != 0 && now != side) {
                crossings++;
            }
            side = now;
        }
        double hertz = crossings / 2.0 / ((to - from) / (double) RATE);
        int k = (int) Math.round((hertz - 300) / 40);
        return new Word(word(k), from / (double) RATE, to / (double) RATE);
    }

    private static double rms(short[] samples, int frame) {
        double sum = 0;
        for (int i = frame * FRAME; i < (frame + 1) * FRAME; i++) {
            sum += (samples[i] / 32768.0) * (samples[i] / 32768.0);
        }
        return Math.sqrt(sum / FRAME);
    }

    // Exactly what a strict vendor checks: RIFF/WAVE, a 16-byte PCM fmt chunk for 16 kHz mono 16-bit, then data
    // whose declared size is what follows it.
    private static short[] samples(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        boolean header = wav.length >= 44 && ascii(wav, 0, "RIFF") && ascii(wav, 8, "WAVEfmt ")
                && in.getInt(4) == wav.length - 8 && in.getInt(16) == 16 && in.getShort(20) == 1
                && in.getShort(22) == 1 && in.getInt(24) == RATE && in.getInt(28) == RATE * 2
                && in.getShort(32) == 2 && in.getShort(34) == 16 && ascii(wav, 36, "data")
                && in.getInt(40) == wav.length - 44;
        if (!header) {
            throw new IllegalArgumentException("not a 16 kHz 16-bit mono PCM WAV file");
        }
        short[] samples = new short[(wav.length - 44) / 2];
        in.position(44);
        in.asShortBuffer().get(samples);
        return samples;
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        return new String(bytes, offset, text.length(), StandardCharsets.US_ASCII).equals(text);
    }
}
