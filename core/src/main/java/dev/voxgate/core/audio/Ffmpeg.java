package dev.voxgate.core.audio;

import dev.voxgate.core.model.AudioContent;
import dev.voxgate.core.model.AudioInput;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Decodes any container ffmpeg knows into 16 kHz mono 16-bit samples, with {@code ffmpeg} as a subprocess: the
 * audio goes in on stdin (or as the upload's own file), raw samples come out on stdout, and the process is killed
 * when the request's time runs out or the audio is too long. Only MP4-family uploads held in memory pass through a
 * temp file, since ffmpeg must seek in those; it is deleted when the call ends.
 *
 * <p>Thread-safe; each call runs its own process.
 */
final class Ffmpeg {

    private static final Executor PIPES = Thread::startVirtualThread;
    private static final int ERROR_TAIL_BYTES = 400;
    private static final String STAGE = "converting the audio with ffmpeg";
    // Uploads are untrusted: a playlist (HLS, concat) would make ffmpeg read other files or URLs, so only audio
    // containers may be opened, and only the one input, through the one protocol it arrives by.
    private static final String AUDIO_CONTAINERS = "wav,mp3,ogg,flac,matroska,mov,aac,amr,aiff,caf,w64,au";

    private final Path executable;

    private Ffmpeg(Path executable) {
        this.executable = executable;
    }

    /** The ffmpeg that {@code command} names: a path, or a name looked up on the PATH; empty when there is none. */
    static Optional<Ffmpeg> locate(String command) {
        if (command.contains("/") || command.contains(File.separator)) {
            Path path = Path.of(command);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(new Ffmpeg(path))
                    : Optional.empty();
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of(command, command + ".exe")) {
                Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new Ffmpeg(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** The audio's samples; more than {@code maxSeconds} of them is refused. */
    MonoPcm decode(AudioInput audio, AudioKind kind, long maxSeconds, DecodeDeadline deadline)
            throws IOException, UnreadableAudioException {
        Path temp = null;
        try {
            Optional<Path> file = audio.content() instanceof AudioContent.OnDisk onDisk
                    ? Optional.of(onDisk.path()) : Optional.empty();
            if (file.isEmpty() && kind.needsSeekableInput()) {
                temp = Files.createTempFile("voxgate-ffmpeg-", ".audio");
                try (InputStream in = audio.content().open()) {
                    Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                }
                file = Optional.of(temp);
            }
            return run(audio, file, maxSeconds * MonoPcm.SAMPLE_RATE, deadline);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private MonoPcm run(AudioInput audio, Optional<Path> file, long maxSamples, DecodeDeadline deadline)
            throws IOException, UnreadableAudioException {
        Process process = start(audio, file);
        try {
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> tail(process), PIPES);
            short[] pcm = CompletableFuture.supplyAsync(() -> samples(process, maxSamples), PIPES)
                    .get(millisLeft(deadline), TimeUnit.MILLISECONDS);
            if (pcm.length > maxSamples) {
                throw UnreadableAudioException.tooLong(maxSamples / MonoPcm.SAMPLE_RATE);
            }
            if (!process.waitFor(millisLeft(deadline), TimeUnit.MILLISECONDS)) {
                throw deadline.expired(STAGE);
            }
            if (process.exitValue() != 0) {
                throw new UnreadableAudioException("ffmpeg could not decode it: " + errors.join());
            }
            return new MonoPcm(pcm);
        } catch (TimeoutException e) {
            throw deadline.expired(STAGE);
        } catch (InterruptedException e) {
            throw deadline.interrupted(STAGE);
        } catch (ExecutionException e) {
            throw new IOException("reading ffmpeg's output failed", e.getCause());
        } finally {
            process.destroyForcibly();
        }
    }

    private Process start(AudioInput audio, Optional<Path> file) throws IOException {
        String input = file.map(path -> "file:" + path.toAbsolutePath()).orElse("pipe:0");
        Process process = new ProcessBuilder(executable.toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-protocol_whitelist", file.isPresent() ? "file" : "pipe", "-format_whitelist", AUDIO_CONTAINERS,
                "-i", input, "-vn", "-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1",
                "-ar", Integer.toString(MonoPcm.SAMPLE_RATE), "pipe:1").start();
        if (file.isPresent()) {
            process.getOutputStream().close();
        } else {
            CompletableFuture.runAsync(() -> feed(audio, process), PIPES);
        }
        return process;
    }

    private static long millisLeft(DecodeDeadline deadline) {
        return Math.max(1, deadline.remaining().toMillis());
    }

    private static void feed(AudioInput audio, Process process) {
        try (InputStream in = audio.content().open(); OutputStream out = process.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // ffmpeg closes its input when it gives up on garbage or is killed; its exit status says which.
        }
    }

    // Reads at most one sample more than allowed, which is how the caller tells that there were too many.
    private static short[] samples(Process process, long maxSamples) {
        try (InputStream in = process.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, (maxSamples + 1) * 2));
            short[] pcm = new short[bytes.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = (short) ((bytes[2 * i] & 0xFF) | bytes[2 * i + 1] << 8);
            }
            return pcm;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Process process) {
        try (InputStream in = process.getErrorStream()) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                kept.write(buffer, 0, read);
                if (kept.size() > 4 * ERROR_TAIL_BYTES) {
                    byte[] all = kept.toByteArray();
                    kept.reset();
                    kept.write(all, all.length - ERROR_TAIL_BYTES, ERROR_TAIL_BYTES);
                }
            }
            String text = kept.toString(StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "no message" : text.lines().reduce((first, last) -> last).orElse(text);
        } catch (IOException e) {
            return "no message";
        }
    }
}
