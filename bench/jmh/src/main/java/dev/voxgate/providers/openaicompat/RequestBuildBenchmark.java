package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.Endpoint;
import dev.voxgate.providers.http.EndpointRules;
import dev.voxgate.providers.http.MalformedBodyException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okio.Buffer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vendor call of an OpenAI deployment: the request with its multipart body ({@link WireForm}) written
 * out as OkHttp writes it to the socket (here into an Okio buffer), and the vendor's JSON answer read back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RequestBuildBenchmark {

    private static final Optional<MediaType> JSON = Optional.of(MediaType.get("application/json"));
    private static final String ANSWER = "{\"text\":\"Four score and seven years ago our fathers brought forth on "
            + "this continent a new nation.\",\"usage\":{\"type\":\"duration\",\"seconds\":6}}";

    @Param({"102400", "1048576"})
    int fileSize;

    private TranscriptionRequest request;
    private Deployment deployment;
    private HttpUrl url;
    private OpenAiCompatProfile profile;
    private final Buffer wire = new Buffer();

    @Setup(Level.Trial)
    public void setUp() {
        byte[] audio = new byte[fileSize];
        request = TranscriptionRequest.builder("whisper", AudioInput.of("speech.wav", audio)).build();
        deployment = Deployment.builder("d1", "whisper", "openai", "whisper-1")
                .apiKey(Secret.of("sk-bench")).apiBase("http://127.0.0.1:8081/v1").build();
        // OpenAI's profile as its factory builds it (bearer key, /audio/transcriptions under api_base).
        OpenAiCompatProfile openAi = OpenAiCompatProfile.builder(EndpointRules.builder("openai")
                .keyVariables("OPENAI_API_KEY").build()).build();
        Endpoint.Ready endpoint = (Endpoint.Ready) openAi.endpoint().resolve(deployment,
                EnvironmentSource.of(Map.of()));
        url = openAi.layout().transcriptionsUrl(endpoint, deployment);
        profile = openAi;
    }

    @Benchmark
    public long buildAndWrite() throws IOException {
        // The key header UpstreamCalls adds, as a literal: the body is what is measured.
        Request call = new Request.Builder().url(url).header("Authorization", "Bearer sk-bench")
                .post(WireForm.of(profile, deployment.providerModel(), profile.params().vet(deployment, request),
                        false)).build();
        call.body().writeTo(wire);
        long written = wire.size();
        wire.clear();
        return written;
    }

    @Benchmark
    public Transcription readAnswer() throws MalformedBodyException {
        return TranscriptionReader.read(ResponseFormat.JSON, ANSWER, JSON);
    }

    /** As the proxy reads it: the router runs every attempt on a virtual thread of its own. */
    @Benchmark
    public Transcription readAnswerOnItsOwnVirtualThread() throws InterruptedException {
        Transcription[] read = new Transcription[1];
        Thread.ofVirtual().start(() -> {
            try {
                read[0] = TranscriptionReader.read(ResponseFormat.JSON, ANSWER, JSON);
            } catch (MalformedBodyException e) {
                throw new IllegalStateException(e);
            }
        }).join();
        return read[0];
    }
}
