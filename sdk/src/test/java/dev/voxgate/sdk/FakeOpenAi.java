package dev.voxgate.sdk;

import dev.voxgate.core.EnvironmentSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback OpenAI for the SDK tests: answers {@code text} to its own key, 401 to any other, and a status of choice
 * to a model told to fail; records the key and model of every call.
 */
final class FakeOpenAi implements AutoCloseable {

    /** One call as the fake saw it. */
    record Seen(String authorization, String model) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Optional<String> failingModel = Optional.empty();
    private volatile int failingStatus;

    FakeOpenAi(String key, String text) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String authorization = String.valueOf(request.getHeaders().get("Authorization"));
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                String model = body.replaceFirst("(?s).*name=\"model\"\r\n(?:[^\r]+\r\n)*\r\n([^\r]*)\r\n.*", "$1");
                seen.add(new Seen(authorization, model));
                if (!authorization.equals("Bearer " + key)) {
                    return error(401, "Incorrect API key provided.", "invalid_request_error");
                }
                if (failingModel.filter(model::equals).isPresent()) {
                    return error(failingStatus, "overloaded", "server_error");
                }
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"text\":\"" + text + "\"}").build();
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Calls of {@code model} (as the vendor names it) fail with {@code status} from now on. */
    void fail(String model, int status) {
        failingStatus = status;
        failingModel = Optional.of(model);
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    /** A new environment that points OpenAI at this fake with {@code key}. */
    EnvironmentSource environment(String key) {
        return EnvironmentSource.of(Map.of("OPENAI_API_KEY", key, "OPENAI_API_BASE", baseUrl()));
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        server.close();
    }

    private static MockResponse error(int status, String message, String type) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\"}}").build();
    }
}
