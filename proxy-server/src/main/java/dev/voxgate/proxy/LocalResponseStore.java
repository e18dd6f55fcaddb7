package dev.voxgate.proxy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The response cache in this process's memory ({@code cache_params.type: local}), bounded both in entries and in
 * bytes: when either bound is passed the least recently used entries go first. An entry is served for the time to
 * live after it was stored, then dropped when next asked for (or evicted earlier).
 *
 * <p>Thread-safe: one lock around an access-ordered map; every operation is a few map steps.
 */
final class LocalResponseStore implements ResponseStore {

    /** The most answers kept at once. */
    static final int MAX_ENTRIES = 1000;
    /** The most bytes kept at once, keys and answers together. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private record Entry(byte[] value, Instant expires) {
    }

    private final Duration ttl;
    private final int maxEntries;
    private final long maxBytes;
    private final InstantSource clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    LocalResponseStore(Duration ttl, int maxEntries, long maxBytes, InstantSource clock) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A store with the default bounds, on the system clock. */
    LocalResponseStore(Duration ttl) {
        this(ttl, MAX_ENTRIES, MAX_BYTES, InstantSource.system());
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    @Override
    public synchronized void put(String key, byte[] value) {
        if (size(key, value) > maxBytes) {
            return;
        }
        remove(key);
        entries.put(key, new Entry(value, clock.instant().plus(ttl)));
        bytes += size(key, value);
        Iterator<Map.Entry<String, Entry>> eldestFirst = entries.entrySet().iterator();
        while (entries.size() > maxEntries || bytes > maxBytes) {
            Map.Entry<String, Entry> eldest = eldestFirst.next();
            bytes -= size(eldest.getKey(), eldest.getValue().value());
            eldestFirst.remove();
        }
    }

    /** How many answers are kept now. */
    synchronized int size() {
        return entries.size();
    }

    @Override
    public void close() {
        // memory only: nothing to release
    }

    private void remove(String key) {
        Entry gone = entries.remove(key);
        if (gone != null) {
            bytes -= size(key, gone.value());
        }
    }

    private static long size(String key, byte[] value) {
        return key.length() + (long) value.length;
    }
}
