package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RouterStreamingAndTranslationTest {

    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503 from vendor", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();

    @Test
    void translationIsRoutedRetriedAndFallenBackLikeATranscription() {
        ScriptedPort primary = port().fails(UNAVAILABLE).repeats();
        ScriptedPort backup = port().answers("in English");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "whisper", primary))
                .deployment(fixture.deployment("b", "whisper-backup", backup))
                .settings(RouterSettings.builder().numRetries(1).disableCooldowns(true)
                        .fallback("whisper", List.of("whisper-backup")).build())
                .build();

        assertThat(router.translate(request("whisper")).text()).isEqualTo("in English");
        assertThat(primary.translations()).isEqualTo(2);
        assertThat(backup.translations()).isEqualTo(1);
    }

    @Test
    void streamThatFailsBeforeItBeginsFallsBackLikeAnyCall() {
        ScriptedPort primary = port().fails(UNAVAILABLE);
        ScriptedPort backup = port().answers("streamed by the backup");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "transcribe", primary))
                .deployment(fixture.deployment("b", "transcribe-backup", backup))
                .settings(RouterSettings.builder().numRetries(0)
                        .fallback("transcribe", List.of("transcribe-backup")).build())
                .build();
        List<String> pieces = new CopyOnWriteArrayList<>();

        assertThat(router.transcribeStreaming(request("transcribe"), pieces::add).text())
                .isEqualTo("streamed by the backup");
        assertThat(pieces).containsExactly("streamed by the backup");
    }

    @Test
    void streamThatBreaksOffAfterItBeganIsNeitherRetriedNorFallenBack() {
        ScriptedPort primary = port().streamsThenFails("Four", UNAVAILABLE);
        ScriptedPort other = port().answers("never");
        ScriptedPort backup = port().answers("never either");
        Router router = fixture.router()
                .deployment(fixture.deployment("p", "transcribe", primary))
                .deployment(fixture.deployment("o", "transcribe", other))
                .deployment(fixture.deployment("b", "transcribe-backup", backup))
                .settings(RouterSettings.builder().numRetries(2)
                        .fallback("transcribe", List.of("transcribe-backup")).build())
                .build();
        List<String> pieces = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> router.transcribeStreaming(request("transcribe"), pieces::add))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isEqualTo(UNAVAILABLE);
                    assertThat(e.report().attempts()).hasSize(1);
                });
        assertThat(pieces).containsExactly("Four");
        assertThat(other.calls()).isZero();
        assertThat(backup.calls()).isZero();
    }

    @Test
    void audioOverADeploymentsUploadLimitIsRefusedBeforeItsProviderIsCalled() {
        ScriptedPort small = port().answers("never");
        Router router = fixture.router()
                .deployment(fixture.deployment("s", "whisper", small).toBuilder().maxUploadBytes(2L).build())
                .settings(RouterSettings.builder().numRetries(0).build())
                .build();

        assertThatThrownBy(() -> router.transcribe(request("whisper")))
                .isInstanceOfSatisfying(RoutedTranscriptionException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(PayloadTooLarge.class);
                    assertThat(e.getMessage()).contains("3 bytes").contains("at most 2 bytes");
                });
        assertThat(small.calls()).isZero();
    }
}
