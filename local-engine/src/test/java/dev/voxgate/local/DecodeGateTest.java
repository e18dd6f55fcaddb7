package dev.voxgate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.audio.DecodeDeadline;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DecodeGateTest {

    private static final DecodeDeadline PLENTY = DecodeDeadline.after(Duration.ofMinutes(5));

    @Test
    void slotsPlusWaitingPlacesAreAdmittedAndTheNextIsRefusedWithRetryAfter() {
        DecodeGate gate = new DecodeGate("local", 1, 2);
        DecodeGate.Ticket running = gate.admit();
        running.awaitSlot(PLENTY);
        gate.admit();
        gate.admit();

        assertThatThrownBy(gate::admit).isInstanceOfSatisfying(TranscriptionException.class, e -> {
            RateLimited limited = (RateLimited) e.failure();
            assertThat(limited.retryAfter()).hasValueSatisfying(wait ->
                    assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
            assertThat(limited.message()).contains("'local' is busy", "max_concurrent_decodes", "max_queued_decodes");
        });
    }

    @Test
    void aClosedTicketGivesItsPlaceAndItsSlotBack() {
        DecodeGate gate = new DecodeGate("local", 1, 0);
        try (DecodeGate.Ticket first = gate.admit()) {
            first.awaitSlot(PLENTY);
        }

        DecodeGate.Ticket second = gate.admit();
        second.awaitSlot(DecodeDeadline.after(Duration.ofMillis(100)));
        second.close();
    }

    @Test
    void waitingForASlotEndsAtTheDeadline() {
        DecodeGate gate = new DecodeGate("local", 1, 1);
        gate.admit().awaitSlot(PLENTY);
        DecodeGate.Ticket waiting = gate.admit();

        assertThatThrownBy(() -> waiting.awaitSlot(DecodeDeadline.after(Duration.ofMillis(50))))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure())
                        .isInstanceOf(UpstreamTimeout.class));
    }

    @Test
    void aWaiterThatIsInterruptedStopsWaitingAndKeepsItsInterruptFlag() throws Exception {
        DecodeGate gate = new DecodeGate("local", 1, 1);
        gate.admit().awaitSlot(PLENTY);
        CompletableFuture<Boolean> flagKept = new CompletableFuture<>();
        Thread waiter = Thread.ofPlatform().start(() -> {
            try (DecodeGate.Ticket ticket = gate.admit()) {
                ticket.awaitSlot(PLENTY);
                flagKept.complete(false);
            } catch (TranscriptionException e) {
                flagKept.complete(e.failure() instanceof UpstreamTimeout && Thread.currentThread().isInterrupted());
            }
        });
        Thread.sleep(100);
        waiter.interrupt();

        assertThat(flagKept.get(30, TimeUnit.SECONDS)).isTrue();
        gate.admit().close();
    }
}
