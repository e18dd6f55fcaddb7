package dev.voxgate.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FailureStatusTest {

    @Test
    void eachFailureIsAnsweredWithOpenAisStatus() {
        assertThat(FailureStatus.of(TranscriptionFailure.InvalidRequest.of("bad"))).isEqualTo(400);
        assertThat(FailureStatus.of(new TranscriptionFailure.AuthenticationFailed("no"))).isEqualTo(401);
        assertThat(FailureStatus.of(new TranscriptionFailure.ModelNotFound("none"))).isEqualTo(404);
        assertThat(FailureStatus.of(new TranscriptionFailure.RateLimited("slow", Optional.empty()))).isEqualTo(429);
        assertThat(FailureStatus.of(new TranscriptionFailure.NoHealthyDeployment("resting",
                Optional.of(Duration.ofSeconds(1))))).isEqualTo(429);
        assertThat(FailureStatus.of(new TranscriptionFailure.PayloadTooLarge("big"))).isEqualTo(413);
        assertThat(FailureStatus.of(new TranscriptionFailure.UpstreamTimeout("late"))).isEqualTo(504);
        assertThat(FailureStatus.of(new TranscriptionFailure.UpstreamProtocolError("garbled"))).isEqualTo(502);
    }

    @Test
    void anIncapableGroupIsA413OnlyWhenTheUploadSizeAloneStoodInTheWay() {
        assertThat(FailureStatus.of(new TranscriptionFailure.NoCapableDeployment("size", Optional.of("file"), true)))
                .isEqualTo(413);
        assertThat(FailureStatus.of(new TranscriptionFailure.NoCapableDeployment("srt",
                Optional.of("response_format"), false))).isEqualTo(400);
    }

    @Test
    void aVendorsOwn503And504PassOnAndAnyOtherUpstreamFailureIsABadGateway() {
        assertThat(FailureStatus.of(unavailable(OptionalInt.of(503)))).isEqualTo(503);
        assertThat(FailureStatus.of(unavailable(OptionalInt.of(504)))).isEqualTo(504);
        assertThat(FailureStatus.of(unavailable(OptionalInt.of(500)))).isEqualTo(502);
        assertThat(FailureStatus.of(unavailable(OptionalInt.empty()))).isEqualTo(502);
    }

    private static TranscriptionFailure unavailable(OptionalInt upstreamStatus) {
        return new TranscriptionFailure.UpstreamUnavailable("down", upstreamStatus);
    }
}
