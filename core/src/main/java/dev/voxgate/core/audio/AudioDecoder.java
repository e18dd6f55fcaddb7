package dev.voxgate.core.audio;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an upload into {@link MonoPcm}, for the local engine's recognizer and for cutting long audio into chunks. WAV with integer PCM (8, 16, 24 or 32 bits) or 32-bit float samples, any
 * rate and any number of channels, is read, mixed down and resampled in Java. Anything else (MP3, M4A, Ogg, WebM,
 * FLAC, other WAV encodings) goes through ffmpeg when it is installed; without it the caller gets a 400 that
 * names the format and says how to enable it.
 *
 * <p>Thread-safe.
 */
public final class AudioDecoder {

    private final String ffmpegCommand;
    private final long maxSeconds;

    /**
     * @param ffmpegCommand the ffmpeg to run for non-WAV audio: a path, or a name looked up on the PATH
     * @param maxSeconds    the longest audio decoded; longer uploads are refused (they would fill the heap)
     */
    public AudioDecoder(String ffmpegCommand, long maxSeconds) {
        this.ffmpegCommand = Objects.requireNonNull(ffmpegCommand, "ffmpegCommand");
        if (maxSeconds <= 0) {
            throw new IllegalArgumentException("maxSeconds must be positive, was " + maxSeconds);
        }
        this.maxSeconds = maxSeconds;
    }

    /**
     * The audio's samples.
     *
     * @throws TranscriptionException {@code InvalidRequest} (param {@code file}) when the audio cannot be read,
     *                                {@code UpstreamTimeout} when the deadline passes first
     */
    public MonoPcm decode(AudioInput audio, DecodeDeadline deadline) {
        try {
            AudioKind kind = kind(audio);
            if (kind == AudioKind.WAV) {
                Optional<MonoPcm> wav = readWav(audio);
                if (wav.isPresent()) {
                    return wav.get();
                }
            }
            Ffmpeg ffmpeg = Ffmpeg.locate(ffmpegCommand).orElseThrow(() -> needsFfmpeg(audio, kind));
            return ffmpeg.decode(audio, kind, maxSeconds, deadline);
        } catch (UnreadableAudioException e) {
            throw invalid(audio, "cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded audio", e);
        }
    }

    private static AudioKind kind(AudioInput audio) throws IOException {
        try (InputStream in = audio.content().open()) {
            return AudioKind.sniff(in.readNBytes(AudioKind.HEADER_BYTES));
        }
    }

    // Empty when the WAV's encoding is not one Java reads here, so that ffmpeg can try.
    private Optional<MonoPcm> readWav(AudioInput audio) throws IOException, UnreadableAudioException {
        try (InputStream in = audio.content().open()) {
            WavFormat format = WavReader.readHeader(in);
            if (!format.readable()) {
                if (Ffmpeg.locate(ffmpegCommand).isPresent()) {
                    return Optional.empty();
                }
                throw invalid(audio, "is WAV with " + format.describe() + " samples, which Voxgate reads "
                        + "only through ffmpeg. " + ffmpegAdvice("send 8/16/24/32-bit PCM or 32-bit float WAV"));
            }
            float[] mono = WavReader.readMono(in, format, maxSeconds * format.sampleRate());
            return Optional.of(MonoPcm.fromFloats(Resampler.resample(mono, format.sampleRate(), MonoPcm.SAMPLE_RATE)));
        }
    }

    private TranscriptionException needsFfmpeg(AudioInput audio, AudioKind kind) {
        String what = kind == AudioKind.UNKNOWN ? "is not WAV, nor any format Voxgate recognises"
                : "is " + kind.displayName() + " audio, which Voxgate reads only through ffmpeg";
        return invalid(audio, what + ". " + ffmpegAdvice("send WAV"));
    }

    private String ffmpegAdvice(String alternative) {
        String where = ffmpegCommand.contains("/") || ffmpegCommand.contains("\\") ? "at " + ffmpegCommand
                : "as '" + ffmpegCommand + "' on the PATH of the process running Voxgate";
        return "Install ffmpeg (e.g. apt-get install ffmpeg, or brew install ffmpeg) " + where + ", or "
                + alternative + ".";
    }

    private static TranscriptionException invalid(AudioInput audio, String problem) {
        return new TranscriptionException(InvalidRequest.ofParam("file", "The uploaded file '" + audio.filename()
                + "' " + problem));
    }
}
