package dev.voxgate.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;

/**
 * The {@code multipart/form-data} body of a recorded request, parsed the way a vendor's server would: parts in order,
 * each with its name, optional filename and content type, and bytes.
 */
public record RecordedForm(List<Part> parts) {

    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

    public record Part(String name, Optional<String> filename, Optional<String> contentType, ByteString body) {
        public String text() {
            return body.string(StandardCharsets.UTF_8);
        }
    }

    /** Parses {@code request}'s body, asserting it is {@code multipart/form-data} with a boundary. */
    public static RecordedForm of(RecordedRequest request) {
        MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
        assertThat(type.type() + "/" + type.subtype()).isEqualTo("multipart/form-data");
        String boundary = type.parameter("boundary");
        assertThat(boundary).isNotBlank();
        List<Part> parts = new ArrayList<>();
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), boundary)) {
            for (MultipartReader.Part part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                assertThat(disposition).startsWith("form-data;");
                parts.add(new Part(group(NAME, disposition).orElseThrow(), group(FILENAME, disposition),
                        Optional.ofNullable(part.headers().get("Content-Type")), part.body().readByteString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RecordedForm(parts);
    }

    public List<String> names() {
        return parts.stream().map(Part::name).toList();
    }

    /** The values of every part called {@code name}, in order. */
    public List<String> values(String name) {
        return parts.stream().filter(part -> part.name().equals(name)).map(Part::text).toList();
    }

    /** The value of the one part called {@code name}. */
    public String value(String name) {
        List<String> values = values(name);
        assertThat(values).as("parts named %s", name).hasSize(1);
        return values.getFirst();
    }

    public Part file() {
        List<Part> files = parts.stream().filter(part -> part.name().equals("file")).toList();
        assertThat(files).hasSize(1);
        return files.getFirst();
    }

    private static Optional<String> group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
