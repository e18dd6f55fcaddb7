package dev.voxgate.proxy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart/form-data body of an audio request, read once by Jetty's own parser: the text fields as strings, and
 * the parts that carry a file where Jetty put them (its network buffers, or its temp file past the in-memory limit)
 * until {@link #close()}.
 *
 * <p>The servlet API's {@code getParts()} is not used: it decodes every text field through a 64 Ki-char buffer
 * (128 KB of garbage per request for a 13-byte {@code model}), and Javalin's form map copies each field once more.
 * Measured with 64 clients posting 100 KiB: those copies were 45% of the bytes the proxy allocated.
 *
 * <p>Not thread-safe; one per request.
 */
final class UploadedForm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadedForm.class);

    /** The name of the part that carries the audio. */
    static final String FILE = "file";

    private final MultiPartFormData.Parts parts;
    private final Map<String, List<String>> fields;
    private final List<MultiPart.Part> files;
    private final boolean fileSentAsText;

    private UploadedForm(MultiPartFormData.Parts parts, Map<String, List<String>> fields, List<MultiPart.Part> files,
                         boolean fileSentAsText) {
        this.parts = parts;
        this.fields = fields;
        this.files = files;
        this.fileSentAsText = fileSentAsText;
    }

    /**
     * Reads the whole body of {@code request} as {@code config} says (sizes, where files go). Throws what Jetty's
     * parser reports for a body that is malformed or too large; {@link UploadProblem} tells them apart.
     */
    static UploadedForm read(HttpServletRequest request, MultiPartConfig config) throws IOException {
        Request core = ServletContextRequest.getServletContextRequest(request);
        MultiPartFormData.Parts parts;
        try {
            parts = MultiPartFormData.from(core, core, request.getContentType(), config).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the upload");
        } catch (ExecutionException e) {
            throw new IOException("the multipart body could not be read: " + e.getCause().getMessage(), e.getCause());
        }
        try {
            return of(parts);
        } catch (RuntimeException | IOException e) {
            release(parts);
            throw e;
        }
    }

    /** The form of parts Jetty has parsed; it owns them from here on. */
    static UploadedForm of(MultiPartFormData.Parts parts) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<MultiPart.Part> files = new ArrayList<>(1);
        boolean fileSentAsText = false;
        long fieldBytes = 0;
        for (MultiPart.Part part : parts) {
            if (FILE.equals(part.getName())) {
                // Without a filename the audio is no text either: it is refused as it is, not decoded.
                if (part.getFileName() != null) {
                    files.add(part);
                } else {
                    fileSentAsText = true;
                }
                continue;
            }
            if (part.getFileName() != null) {
                continue;
            }
            fieldBytes += part.getLength();
            if (fieldBytes > ProxySettings.FORM_FIELDS_ALLOWANCE) {
                throw new RequestRejected(UploadProblem.fieldsTooLarge());
            }
            fields.computeIfAbsent(part.getName(), name -> new ArrayList<>(1)).add(text(part));
        }
        return new UploadedForm(parts, Collections.unmodifiableMap(fields), List.copyOf(files), fileSentAsText);
    }

    // Decoded strictly: a field that is not text in its charset is refused rather than patched with replacement
    // characters. (Jetty's getContentAsString() is strict too, but logs a warning for every such field.)
    private static String text(MultiPart.Part part) throws IOException {
        Charset charset = charsetOf(part);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(part))).toString();
        } catch (CharacterCodingException e) {
            throw RequestRejected.badRequest(part.getName(), "The form field '" + part.getName()
                    + "' is not valid " + charset.name() + " text; send text fields as UTF-8.");
        }
    }

    private static byte[] bytes(MultiPart.Part part) throws IOException {
        if (part instanceof MultiPart.PathPart spooled) {
            return Files.readAllBytes(spooled.getPath());
        }
        try (InputStream in = new PartInputStream(part)) {
            return in.readNBytes(Math.toIntExact(part.getLength()));
        }
    }

    // A text part is UTF-8 unless its own Content-Type names another charset (HTML forms and OpenAI's SDKs send
    // UTF-8 and no Content-Type).
    private static Charset charsetOf(MultiPart.Part part) {
        String charset = MimeTypes.getCharsetFromContentType(part.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (charset == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw RequestRejected.badRequest(part.getName(), "The form field '" + part.getName()
                    + "' names a charset this proxy does not know ('" + charset + "'); send it as UTF-8.");
        }
    }

    /** The text fields by name, each with its values in the order sent. */
    Map<String, List<String>> fields() {
        return fields;
    }

    /** The parts named {@code file} that carry a filename. */
    List<MultiPart.Part> files() {
        return files;
    }

    /** Whether {@code file} arrived as a text field (curl's {@code --form file=speech.mp3}, without the @). */
    boolean fileSentAsText() {
        return files.isEmpty() && fileSentAsText;
    }

    /** Gives Jetty back the buffers the parts hold and deletes the temp files it spooled them to. */
    @Override
    public void close() {
        release(parts);
    }

    private static void release(MultiPartFormData.Parts parts) {
        parts.close();
        for (MultiPart.Part part : parts) {
            if (part instanceof MultiPart.PathPart spooled) {
                try {
                    spooled.delete();
                } catch (IOException e) {
                    LOG.warn("could not delete upload temp file {}: {}", spooled.getPath(), e.toString());
                }
            }
        }
    }
}
