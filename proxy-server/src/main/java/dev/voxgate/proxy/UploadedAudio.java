package dev.voxgate.proxy;

import dev.voxgate.core.model.AudioContent;
import dev.voxgate.core.model.AudioInput;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploaded {@code file} part as replayable audio: small uploads in memory, larger ones in a temp file owned by
 * this request and deleted by {@link #close()}, so a retry or fallback can send the same bytes again.
 *
 * <p>Not thread-safe; one per request.
 */
final class UploadedAudio implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadedAudio.class);

    private final AudioInput input;
    private final Optional<Path> tempFile;

    private UploadedAudio(AudioInput input, Optional<Path> tempFile) {
        this.input = input;
        this.tempFile = tempFile;
    }

    /**
     * Takes over the one {@code file} part (the parts named {@code file} that have a filename), or rejects the request
     * saying what is wrong with it.
     */
    static UploadedAudio from(List<Part> files, boolean sentAsText, long inMemoryLimit) {
        if (files.isEmpty() && sentAsText) {
            throw RequestRejected.badRequest("file", "'file' arrived as a text field, not as a file: send the audio "
                    + "itself as a file part (curl: --form file=@speech.mp3, with the @).");
        }
        if (files.isEmpty()) {
            throw RequestRejected.badRequest("file", "Missing 'file': send the audio as a multipart/form-data "
                    + "part named 'file' (e.g. curl --form file=@speech.mp3).");
        }
        if (files.size() > 1) {
            throw RequestRejected.badRequest("file", "Send exactly one 'file' part; this request has " + files.size()
                    + ".");
        }
        Part file = files.getFirst();
        String filename = file.getSubmittedFileName();
        if (filename == null || filename.isBlank()) {
            throw RequestRejected.badRequest("file", "The 'file' part has no filename; give it one with an extension "
                    + "that names the audio format (e.g. speech.mp3).");
        }
        if (file.getSize() == 0) {
            throw RequestRejected.badRequest("file", "The uploaded file '" + filename + "' is empty.");
        }
        UploadedAudio upload = file.getSize() <= inMemoryLimit ? inMemory(file, filename) : onDisk(file, filename);
        try {
            AudioSignature.require(upload.input.content(), filename);
            return upload;
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    AudioInput input() {
        return input;
    }

    // Jetty keeps a part that fits in memory as the network buffers it arrived in, until the request ends, and
    // reads it afresh for every getInputStream(): each attempt streams from those buffers, and the upload is never
    // copied into the heap (before, every upload was held twice; at 2,000 uploads of 100 KiB in flight that copy was
    // 200 MB of live heap).
    private static UploadedAudio inMemory(Part file, String filename) {
        AudioContent lent = new AudioContent.Lent(file.getSize(), file::getInputStream);
        return new UploadedAudio(new AudioInput(filename, declaredType(file), lent), Optional.empty());
    }

    private static UploadedAudio onDisk(Part file, String filename) {
        Path path = null;
        try {
            path = Files.createTempFile("voxgate-upload-", ".audio");
            // Jetty spooled this part to its own temp file; write() renames that file to ours, so the upload is not
            // copied a second time (Jetty writes the bytes only when it kept the part in memory).
            file.write(path.toString());
            long size = Files.size(path);
            AudioInput input = new AudioInput(filename, declaredType(file), new AudioContent.OnDisk(path, size));
            return new UploadedAudio(input, Optional.of(path));
        } catch (IOException e) {
            deleteQuietly(path);
            throw new UncheckedIOException("could not store the upload", e);
        }
    }

    // Clients (the OpenAI SDKs among them) often label the part application/octet-stream; then the file name's
    // extension says more, and vendors that take raw audio (Deepgram) need a real audio type.
    private static String declaredType(Part file) {
        String type = file.getContentType();
        return type == null || type.isBlank() || type.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")
                ? null : type;
    }

    @Override
    public void close() {
        tempFile.ifPresent(UploadedAudio::deleteQuietly);
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("could not delete upload temp file {}: {}", path, e.toString());
        }
    }
}
