package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenAiErrorTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(TranscriptionFailure.InvalidRequest.ofParam("language", "bad"), 400, "invalid_request_error"),
                Arguments.of(new TranscriptionFailure.AuthenticationFailed("no"), 401, "authentication_error"),
                Arguments.of(new TranscriptionFailure.ModelNotFound("none"), 404, "invalid_request_error"),
                Arguments.of(new TranscriptionFailure.RateLimited("slow", Optional.of(Duration.ofSeconds(3))), 429,
                        "rate_limit_error"),
                Arguments.of(new TranscriptionFailure.NoHealthyDeployment("resting", Optional.empty()), 429,
                        "rate_limit_error"),
                Arguments.of(new TranscriptionFailure.PayloadTooLarge("big"), 413, "invalid_request_error"),
                Arguments.of(new TranscriptionFailure.UpstreamTimeout("slow"), 504, "timeout_error"),
                Arguments.of(new TranscriptionFailure.UpstreamUnavailable("down", OptionalInt.of(500)), 502,
                        "server_error"),
                Arguments.of(new TranscriptionFailure.UpstreamUnavailable("down", OptionalInt.of(503)), 503,
                        "server_error"),
                Arguments.of(new TranscriptionFailure.UpstreamUnavailable("refused", OptionalInt.empty()), 502,
                        "server_error"),
                Arguments.of(new TranscriptionFailure.UpstreamProtocolError("garbled"), 502, "server_error"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void everyFailureKindHasItsStatusAndType(TranscriptionFailure failure, int status, String type) {
        OpenAiError error = OpenAiError.of(failure);

        assertThat(error.status()).isEqualTo(status);
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.message()).isEqualTo(failure.message());
    }

    @ParameterizedTest
    @MethodSource("failures")
    void onlyRateLimitsCarryRetryAfter(TranscriptionFailure failure, int status, String type) {
        assertThat(OpenAiError.of(failure).retryAfter().isPresent())
                .isEqualTo(failure instanceof TranscriptionFailure.RateLimited);
    }
}
