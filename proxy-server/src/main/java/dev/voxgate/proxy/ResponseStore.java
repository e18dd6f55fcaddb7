package dev.voxgate.proxy;

import java.util.Optional;

/**
 * Where the response cache keeps answers: bytes under a key, for the cache's time to live. A store never fails its
 * caller: one that cannot be reached reads as a miss and drops what it is given.
 *
 * <p>Implementations are thread-safe.
 */
interface ResponseStore extends AutoCloseable {

    /** The bytes stored under {@code key}, unless none are or they have expired. */
    Optional<byte[]> get(String key);

    /** Keeps {@code value} under {@code key} for the time to live, replacing what was there. */
    void put(String key, byte[] value);

    @Override
    void close();
}
