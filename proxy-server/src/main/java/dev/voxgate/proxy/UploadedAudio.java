package dev.voxgate.proxy;

import dev.voxgate.core.audio.AudioSignature;
import dev.voxgate.core.model.AudioContent;
import dev.voxgate.core.model.AudioInput;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;

/**
 * The uploaded {@code file} part as replayable audio, read where Jetty keeps it — its network buffers for an upload
 * that fits in memory, its temp file otherwise — so a retry or fallback sends the same bytes again without the proxy
 * ever copying them. The {@link UploadedForm} it came from owns that storage and frees it when the request ends.
 */
final class UploadedAudio {

    private UploadedAudio() {
    }

    /** The one {@code file} part of {@code form} as audio, or the request rejected saying what is wrong with it. */
    static AudioInput from(UploadedForm form) {
        List<MultiPart.Part> files = form.files();
        if (files.isEmpty() && form.fileSentAsText()) {
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
        MultiPart.Part file = files.getFirst();
        String filename = file.getFileName();
        if (filename.isBlank()) {
            throw RequestRejected.badRequest("file", "The 'file' part has no filename; give it one with an extension "
                    + "that names the audio format (e.g. speech.mp3).");
        }
        long size = file.getLength();
        if (size == 0) {
            throw RequestRejected.badRequest("file", "The uploaded file '" + filename + "' is empty.");
        }
        // Each attempt opens a fresh stream over the part; at 2,000 uploads of 100 KiB in flight a heap copy of each
        // was 200 MB of live heap, and Jetty's temp file needs no second one either.
        AudioContent content = file instanceof MultiPart.PathPart spooled
                ? new AudioContent.OnDisk(spooled.getPath(), size)
                : new AudioContent.Lent(size, () -> new PartInputStream(file));
        AudioInput input = new AudioInput(filename, declaredType(file), content);
        requireAudio(content, filename);
        return input;
    }

    /**
     * Refuses {@code content} unless it starts like audio, before a provider is paid to say the same, with a message
     * that names {@code filename} and the formats that work.
     */
    static void requireAudio(AudioContent content, String filename) {
        if (AudioSignature.of(content).isEmpty()) {
            throw RequestRejected.badRequest("file", "The uploaded file '" + filename + "' is not audio in a known "
                    + "format: its first bytes match none of " + AudioSignature.KNOWN + ". Send the recording itself, "
                    + "not a document, archive or text.");
        }
    }

    // Clients (the OpenAI SDKs among them) often label the part application/octet-stream; then the file name's
    // extension says more, and vendors that take raw audio (Deepgram) need a real audio type.
    private static String declaredType(MultiPart.Part file) {
        String type = file.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type == null || type.isBlank() || type.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")
                ? null : type;
    }
}
