package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureMapperTest {

    private static final String KEY = "sk-proj-AbCdEfGh1234567890WXYZ";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final FailureMapper MAPPER = new FailureMapper(
            new Upstream("groq", "g1", Optional.of(Secret.of(KEY))), InstantSource.fixed(NOW));

    @Test
    void retryAfterHttpDateIsMeasuredFromTheClock() {
        Headers headers = Headers.of("Retry-After", "Sun, 01 Mar 2026 12:00:30 GMT");

        assertThat(MAPPER.fromStatus(429, headers, "")).isEqualTo(
                new RateLimited("HTTP 429 from groq (deployment 'g1')", Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void googlesRefusedKeyIsAuthenticationFailedThoughGoogleAnswers400() {
        String body = """
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.",
                 "status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",
                 "reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}""";

        assertThat(MAPPER.fromStatus(400, Headers.of(), body)).isEqualTo(new AuthenticationFailed(
                "HTTP 400 from groq (deployment 'g1'): API key not valid. Please pass a valid API key."));
        assertThat(MAPPER.fromStatus(400, Headers.of(), body.replace("API_KEY_INVALID", "FIELD_INVALID")))
                .isInstanceOf(InvalidRequest.class);
    }

    @Test
    void googlesRetryInfoIsTheWaitWhenNoHeaderGivesOne() {
        String body = """
                {"error":{"code":429,"message":"Resource has been exhausted.","status":"RESOURCE_EXHAUSTED",
                 "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"31.5s"}]}}""";

        assertThat(((RateLimited) MAPPER.fromStatus(429, Headers.of(), body)).retryAfter())
                .contains(Duration.ofMillis(31_500));
        assertThat(((RateLimited) MAPPER.fromStatus(429, Headers.of("Retry-After", "5"), body)).retryAfter())
                .contains(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sun, 01 Mar 2026 11:00:00 GMT | PT0S",
        "1.5                           | PT1.5S",
        "soon                          | ",
        "-3                            | "})
    void retryAfterIsReadLeniently(String header, Duration expected) {
        RateLimited limited = (RateLimited) MAPPER.fromStatus(429, Headers.of("Retry-After", header), "");

        assertThat(limited.retryAfter()).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"error\":\"model is overloaded\"}                                   | model is overloaded",
        "{\"detail\":\"Model whisper-9 not found\"}                            | Model whisper-9 not found",
        "{\"detail\":{\"message\":\"quota exhausted\"}}                         | quota exhausted",
        "{\"message\":\"bad audio\",\"status\":400}                              | bad audio",
        "{\"error\":{\"code\":\"429\",\"message\":\"Please retry after 7 s\"}}  | Please retry after 7 s",
        "'  line one\n\n   line two  '                                         | line one line two"})
    void vendorMessagesAreFoundInEveryEnvelope(String body, String message) {
        assertThat(MAPPER.fromStatus(500, Headers.of(), body).message())
                .isEqualTo("HTTP 500 from groq (deployment 'g1'): " + message);
    }

    @Test
    void fastApiValidationErrorNamesTheField() {
        String body = "{\"detail\":[{\"loc\":[\"body\",\"file\"],\"msg\":\"field required\"}]}";

        assertThat(MAPPER.fromStatus(422, Headers.of(), body)).isEqualTo(
                new InvalidRequest("HTTP 422 from groq (deployment 'g1'): field required", Optional.of("file")));
    }

    @Test
    void longPlainTextBodyIsCut() {
        String message = MAPPER.fromStatus(503, Headers.of(), "x".repeat(5000)).message();

        assertThat(message).hasSizeLessThan(400).endsWith("…");
    }

    @Test
    void unknownJsonIsQuotedShort() {
        assertThat(MAPPER.fromStatus(500, Headers.of(), "{\"oops\":true}").message())
                .isEqualTo("HTTP 500 from groq (deployment 'g1'): {\"oops\":true}");
    }

    @Test
    void redirectIsAProtocolError() {
        assertThat(MAPPER.fromStatus(302, Headers.of(), "")).isInstanceOf(UpstreamProtocolError.class);
    }

    @Test
    void timeoutsOfEveryKindBecomeUpstreamTimeout() {
        assertThat(MAPPER.fromIo(new SocketTimeoutException("Read timed out"))).isInstanceOf(UpstreamTimeout.class);
        assertThat(MAPPER.fromIo(new InterruptedIOException("timeout"))).isInstanceOf(UpstreamTimeout.class);
    }

    @Test
    void unreachableVendorIsUnavailableWithoutStatusAndWithoutTheKey() {
        UpstreamUnavailable failure = (UpstreamUnavailable) MAPPER.fromIo(
                new ConnectException("Failed to connect with Bearer " + KEY));

        assertThat(failure.upstreamStatus()).isEqualTo(OptionalInt.empty());
        assertThat(failure.message()).startsWith("could not reach groq (deployment 'g1')").doesNotContain(KEY);
    }

    @Test
    void unreadableAudioIsBlamedOnTheFileNotTheVendor() {
        IOException unreadable = new AudioUnreadableException("the audio could not be opened", null);

        assertThat(MAPPER.fromIo(unreadable)).isInstanceOfSatisfying(InvalidRequest.class,
                invalid -> assertThat(invalid.param()).contains("file"));
    }

    @Test
    void maskedEchoesAndFragmentsOfTheKeyAreRedacted() {
        Upstream upstream = new Upstream("openai", "o1", Optional.of(Secret.of(KEY)));

        assertThat(upstream.redact("Incorrect API key provided: sk-proj-****************WXYZ. See docs."))
                .isEqualTo("Incorrect API key provided: ****. See docs.");
        assertThat(upstream.redact("got AbCdEfGh12345 in header")).isEqualTo("got **** in header");
        assertThat(upstream.redact("authorization: Bearer whatever-token")).isEqualTo("authorization: Bearer ****");
        assertThat(upstream.redact("the model whisper-1 is not supported")).isEqualTo(
                "the model whisper-1 is not supported");
    }
}
