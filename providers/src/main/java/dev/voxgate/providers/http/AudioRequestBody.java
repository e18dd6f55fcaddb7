package dev.voxgate.providers.http;

import dev.voxgate.core.model.AudioContent;
import dev.voxgate.core.model.AudioInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.BufferedSink;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * The audio of a request as an HTTP body, streamed from {@link AudioContent#open()} on every write: it can be sent
 * again (a redirect, a retry) and is never copied whole into memory.
 *
 * <p>Immutable and thread-safe; each write opens its own stream.
 */
public final class AudioRequestBody extends RequestBody {

    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");

    private final AudioContent content;
    private final MediaType contentType;

    /** The body of {@code audio}, typed with its content type (octet-stream when that does not parse). */
    public AudioRequestBody(AudioInput audio) {
        this(audio.content(), MediaType.parse(audio.contentType()));
    }

    private AudioRequestBody(AudioContent content, MediaType contentType) {
        this.content = Objects.requireNonNull(content, "content");
        this.contentType = contentType == null ? OCTET_STREAM : contentType;
    }

    /** The bytes of {@code audio} typed {@code application/octet-stream}, for an upload that takes any bytes. */
    public static AudioRequestBody octetStream(AudioInput audio) {
        return new AudioRequestBody(audio.content(), OCTET_STREAM);
    }

    @Override
    public MediaType contentType() {
        return contentType;
    }

    @Override
    public long contentLength() {
        return content.size();
    }

    @Override
    public boolean isOneShot() {
        return false;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        InputStream stream;
        try {
            stream = content.open();
        } catch (IOException e) {
            throw new AudioUnreadableException("the audio could not be opened", e);
        }
        try (Source source = new ReadFailuresMarked(Okio.source(stream))) {
            long written = sink.writeAll(source);
            if (written != content.size()) {
                throw new AudioUnreadableException(
                        "the audio has " + written + " bytes, not the " + content.size() + " announced", null);
            }
        }
    }

    /** Tells a failure to read the audio apart from a failure to write to the network. */
    private static final class ReadFailuresMarked extends ForwardingSource {
        ReadFailuresMarked(Source delegate) {
            super(delegate);
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            try {
                return super.read(sink, byteCount);
            } catch (IOException e) {
                throw new AudioUnreadableException("the audio could not be read", e);
            }
        }
    }
}
