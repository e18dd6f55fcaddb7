package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The in-process response cache: bounded in entries and in bytes, least recently used first out, and expiring. */
class LocalResponseStoreTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T12:00:00Z"));
    private final InstantSource clock = now::get;

    @Test
    void anAnswerIsServedForItsTimeToLiveThenNoMore() {
        LocalResponseStore store = new LocalResponseStore(TTL, 10, 1000, clock);
        store.put("k", bytes(10));

        now.set(now.get().plus(TTL).minusMillis(1));
        assertThat(store.get("k")).isPresent();
        now.set(now.get().plusMillis(1));
        assertThat(store.get("k")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void pastTheEntryBoundTheLeastRecentlyUsedGoesFirst() {
        LocalResponseStore store = new LocalResponseStore(TTL, 2, 1000, clock);
        store.put("a", bytes(10));
        store.put("b", bytes(10));
        store.get("a");

        store.put("c", bytes(10));

        assertThat(store.get("b")).as("least recently used").isEmpty();
        assertThat(store.get("a")).isPresent();
        assertThat(store.get("c")).isPresent();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void pastTheByteBoundAsManyGoAsItTakesAndAnAnswerLargerThanTheBoundIsNotKept() {
        LocalResponseStore store = new LocalResponseStore(TTL, 100, 100, clock);
        store.put("a", bytes(29));
        store.put("b", bytes(29));
        store.put("c", bytes(29));

        store.put("d", bytes(59));

        assertThat(store.get("a")).isEmpty();
        assertThat(store.get("b")).isEmpty();
        assertThat(store.get("c")).isPresent();
        assertThat(store.get("d")).isPresent();

        store.put("huge", bytes(100));
        assertThat(store.get("huge")).isEmpty();
        assertThat(store.get("c")).as("nothing evicted for an answer that is not kept").isPresent();
    }

    @Test
    void storingAKeyAgainReplacesItAndCountsItsBytesOnce() {
        LocalResponseStore store = new LocalResponseStore(TTL, 100, 100, clock);
        for (int i = 0; i < 10; i++) {
            store.put("a", bytes(60));
        }
        store.put("b", bytes(30));

        assertThat(store.get("a")).hasValueSatisfying(value -> assertThat(value).hasSize(60));
        assertThat(store.get("b")).isPresent();
    }

    private static byte[] bytes(int size) {
        return new byte[size];
    }
}
