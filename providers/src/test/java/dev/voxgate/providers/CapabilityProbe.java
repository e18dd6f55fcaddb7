package dev.voxgate.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Asks a port for each thing it may declare, against a fake vendor, and checks that what it declares is exactly what
 * it serves: a declared ability is served (the call reaches the vendor and its answer is read), an undeclared one is
 * refused with {@code InvalidRequest} naming the parameter, before anything is sent.
 *
 * @param port    the adapter under test
 * @param server  its fake vendor
 * @param answer  the vendor's 200 answer to a request in a format
 * @param request a fresh request, in json with nothing else set
 * @param enqueue puts an answer in a format on the fake's queue, with the answers a job-style vendor gives before
 *                and after it (upload, create, poll, delete)
 */
public record CapabilityProbe(TranscriptionPort port, MockWebServer server,
                              Function<ResponseFormat, MockResponse> answer,
                              Supplier<TranscriptionRequest.Builder> request,
                              BiConsumer<ResponseFormat, MockResponse> enqueue) {

    /** A probe of a vendor that answers each transcription with one HTTP call. */
    public CapabilityProbe(TranscriptionPort port, MockWebServer server, Function<ResponseFormat, MockResponse> answer,
                           Supplier<TranscriptionRequest.Builder> request) {
        this(port, server, answer, request, (format, response) -> server.enqueue(response));
    }

    private static final TranscriptListener IGNORED = delta -> { };

    /** Every format: asked for, it is served when declared and refused when not. */
    public void formatsAgree() {
        Capabilities declared = port.capabilities();
        for (ResponseFormat format : ResponseFormat.values()) {
            TranscriptionRequest asking = request.get().responseFormat(format).build();
            agrees("response_format=" + format.wireName(), declared.responseFormats().contains(format),
                    "response_format", format, () -> port.transcribe(asking));
        }
    }

    /** Each standard field alone, and each timestamp granularity: taken when declared, refused when not. */
    public void standardFieldsAgree() {
        Capabilities declared = port.capabilities();
        field(declared.takes("language"), "language", builder -> builder.language("en"));
        field(declared.takes("prompt"), "prompt", builder -> builder.prompt("Voxgate"));
        field(declared.takes("temperature"), "temperature", builder -> builder.temperature(0.2));
        boolean granularities = declared.takes("timestamp_granularities");
        assertThat(granularities || !declared.wordTimestamps() && !declared.segmentTimestamps())
                .as("timings declared without the field that asks for them").isTrue();
        // Timings are asked for with verbose_json where it is served, so that only the granularity can be refused.
        ResponseFormat timed = declared.responseFormats().contains(ResponseFormat.VERBOSE_JSON)
                ? ResponseFormat.VERBOSE_JSON : ResponseFormat.JSON;
        field(granularities && declared.wordTimestamps(), "timestamp_granularities",
                builder -> builder.responseFormat(timed).timestampGranularities(List.of(TimestampGranularity.WORD)));
        field(granularities && declared.segmentTimestamps(), "timestamp_granularities", builder -> builder
                .responseFormat(timed).timestampGranularities(List.of(TimestampGranularity.SEGMENT)));
    }

    /** A translation is made when declared and refused when not. */
    public void translationAgrees() {
        TranscriptionRequest asking = request.get().build();
        agrees("translation", port.capabilities().tasks().contains(AudioTask.TRANSLATE), "model",
                ResponseFormat.JSON, () -> port.translate(asking));
    }

    /** A streamed transcript is made when declared and refused when not. */
    public void streamingAgrees() {
        TranscriptionRequest asking = request.get().build();
        agrees("stream=true", port.capabilities().streaming(), "stream", ResponseFormat.JSON,
                () -> port.transcribeStreaming(asking, IGNORED));
    }

    private void field(boolean declared, String param, UnaryOperator<TranscriptionRequest.Builder> set) {
        TranscriptionRequest asking = set.apply(request.get()).build();
        agrees(param + " in " + asking, declared, param, asking.responseFormat(), () -> port.transcribe(asking));
    }

    private void agrees(String what, boolean declared, String param, ResponseFormat format, ThrowingCallable call) {
        int before = server.getRequestCount();
        if (declared) {
            enqueue.accept(format, answer.apply(format));
            TranscriptionException thrown = catchThrowableOfType(TranscriptionException.class, call);
            assertThat(thrown).as("%s is declared, so it must be served", what).isNull();
            assertThat(server.getRequestCount()).as("%s reached the vendor", what).isGreaterThan(before);
            for (int served = before; served < server.getRequestCount(); served++) {
                takeServed();
            }
        } else {
            TranscriptionException thrown = catchThrowableOfType(TranscriptionException.class, call);
            assertThat(thrown).as("%s is not declared, so it must be refused", what).isNotNull();
            assertThat(thrown.failure()).as("%s", what).isInstanceOfSatisfying(InvalidRequest.class,
                    invalid -> assertThat(invalid.param()).contains(param));
            assertThat(server.getRequestCount()).as("%s was refused before any call", what).isEqualTo(before);
        }
    }

    private void takeServed() {
        try {
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
