package dev.voxgate.proxy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The proxy's reading of an upload: Jetty's multipart parser over the body (configured as the proxy configures it),
 * then the proxy's own {@link UploadedForm} (the fields decoded), {@link UploadedAudio} (the file part, its signature
 * checked) and {@link TranscriptionForm} (the fields, checked). What it leaves out is the socket reads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MultipartParseBenchmark {

    @Param({"102400", "1048576"})
    int fileSize;

    private final ProxySettings settings = ProxySettings.of("127.0.0.1", 0);
    private byte[] body;
    private Path spillDirectory;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        body = BenchBodies.form(fileSize);
        spillDirectory = Files.createTempDirectory("voxgate-jmh-");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (var files = Files.list(spillDirectory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(spillDirectory);
    }

    /** Jetty's parse alone. */
    @Benchmark
    public long jettyParse() throws Exception {
        try (MultiPartFormData.Parts parts = parse()) {
            return parts.getFirst("file").getLength();
        }
    }

    /** Jetty's parse, then the proxy's reading of the fields and the file part, and its checks of the form. */
    @Benchmark
    public Object parseAsTheProxyDoes() throws Exception {
        try (UploadedForm upload = UploadedForm.of(parse())) {
            return TranscriptionForm.parse(upload.fields(), UploadedAudio.from(upload), false);
        }
    }

    private MultiPartFormData.Parts parse() throws Exception {
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(BenchBodies.BOUNDARY);
        parser.setFilesDirectory(spillDirectory);
        parser.setMaxFileSize(settings.maxUploadBytes());
        parser.setMaxMemoryFileSize(settings.inMemoryBytes());
        parser.setMaxLength(settings.maxRequestBytes());
        return parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(body))).get();
    }
}
