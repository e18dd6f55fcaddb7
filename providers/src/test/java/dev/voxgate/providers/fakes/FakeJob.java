package dev.voxgate.providers.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A job at a fake vendor, which moves as the vendor's would: queued, then processing for as many polls as the test
 * says, then completed (or ended in error, when the test says it fails).
 */
final class FakeJob {

    final String id;
    final byte[] audio;
    final JsonNode options;
    private final int pollsRunning;
    private final boolean fails;
    private final AtomicInteger polls = new AtomicInteger();
    volatile boolean deleted;

    FakeJob(String id, byte[] audio, JsonNode options, int pollsRunning, boolean fails) {
        this.id = id;
        this.audio = audio;
        this.options = options;
        this.pollsRunning = pollsRunning;
        this.fails = fails;
    }

    /** Counts one poll; the status it is answered with. */
    String poll() {
        polls.incrementAndGet();
        return status();
    }

    /** {@code queued} until polled, {@code processing}, then {@code completed} or {@code error}. */
    String status() {
        int seen = polls.get();
        if (seen > pollsRunning) {
            return fails ? "error" : "completed";
        }
        return seen == 0 ? "queued" : "processing";
    }

    boolean ended() {
        return status().equals("completed") || status().equals("error");
    }
}
