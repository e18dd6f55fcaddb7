package dev.voxgate.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.error.TranscriptionFailure.ModelNotFound;
import dev.voxgate.core.error.TranscriptionFailure.NoCapableDeployment;
import dev.voxgate.core.error.TranscriptionFailure.NoHealthyDeployment;
import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamProtocolError;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.router.FailureDisposition.RetryScope;
import dev.voxgate.router.state.FailureKind;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The one table of what the router does after each kind of failure. */
class FailureDispositionTest {

    private static final Optional<Duration> SEVEN = Optional.of(Duration.ofSeconds(7));

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of(InvalidRequest.of("bad"),
                        new FailureDisposition(FailureKind.BAD_REQUEST, RetryScope.UNTRIED, false, false, false,
                                Optional.empty())),
                Arguments.of(new PayloadTooLarge("big"),
                        new FailureDisposition(FailureKind.BAD_REQUEST, RetryScope.UNTRIED, false, false, false,
                                Optional.empty())),
                Arguments.of(new NoCapableDeployment("no srt", Optional.of("response_format"), false),
                        new FailureDisposition(FailureKind.BAD_REQUEST, RetryScope.NONE, true, false, false,
                                Optional.empty())),
                Arguments.of(new AuthenticationFailed("key"),
                        new FailureDisposition(FailureKind.AUTHENTICATION, RetryScope.UNTRIED, true, true, true,
                                Optional.empty())),
                Arguments.of(new ModelNotFound("gone"),
                        new FailureDisposition(FailureKind.NOT_FOUND, RetryScope.NONE, true, true, true,
                                Optional.empty())),
                Arguments.of(new RateLimited("429", SEVEN),
                        new FailureDisposition(FailureKind.RATE_LIMIT, RetryScope.ANY, true, true, true, SEVEN)),
                Arguments.of(new NoHealthyDeployment("none", SEVEN),
                        new FailureDisposition(FailureKind.RATE_LIMIT, RetryScope.NONE, true, true, true, SEVEN)),
                Arguments.of(new UpstreamTimeout("slow"),
                        new FailureDisposition(FailureKind.TIMEOUT, RetryScope.ANY, true, false, true,
                                Optional.empty())),
                Arguments.of(new UpstreamUnavailable("503", OptionalInt.of(503)),
                        new FailureDisposition(FailureKind.SERVER_ERROR, RetryScope.ANY, true, false, true,
                                Optional.empty())),
                Arguments.of(new UpstreamProtocolError("garbled"),
                        new FailureDisposition(FailureKind.SERVER_ERROR, RetryScope.ANY, true, false, true,
                                Optional.empty())));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void eachFailureKindHasOneDisposition(TranscriptionFailure failure, FailureDisposition expected) {
        assertThat(FailureDisposition.of(failure)).isEqualTo(expected);
    }

    @Test
    void theTableCoversEveryKindOfFailure() {
        Set<Class<?>> covered = everyKind().map(arguments -> arguments.get()[0].getClass())
                .collect(Collectors.toSet());
        assertThat(covered).isEqualTo(Set.of(TranscriptionFailure.class.getPermittedSubclasses()));
    }
}
