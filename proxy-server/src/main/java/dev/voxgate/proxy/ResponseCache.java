package dev.voxgate.proxy;

import dev.voxgate.config.ResponseCacheSettings;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.sdk.SharedState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * LiteLLM's response cache ({@code litellm_settings.cache: true}): a transcription or translation asked again with the
 * same audio and the same fields ({@link CacheKey}) is answered with the rendered answer kept the first time, without
 * a vendor call. Only whole answers with status 200 are kept, up to {@link #MAX_ENTRY_BYTES}; streamed answers,
 * failures, calls on the caller's own credentials and mock fallback tests never are. Hits and misses are counted in
 * {@code voxgate_cache_requests_total{result}}.
 *
 * <p>Thread-safe, as its store.
 */
final class ResponseCache implements AutoCloseable {

    /** The largest answer kept, after encoding; a larger one is served but not stored. */
    static final int MAX_ENTRY_BYTES = 1024 * 1024;
    /** The response header that tells a caller whether its answer came from the cache. */
    static final String HIT_HEADER = "x-voxgate-cache-hit";
    private static final String REQUESTS = "voxgate_cache_requests";

    /**
     * How the cache serves one request.
     *
     * @param key   what its answer is filed under
     * @param read  whether a kept answer may answer it (not with {@code no-cache})
     * @param write whether its answer may be kept (not with {@code no-store})
     */
    record Use(CacheKey key, boolean read, boolean write) {
    }

    private final Optional<ResponseStore> store;
    private final Optional<Counter> hits;
    private final Optional<Counter> misses;

    /** A cache in {@code store}, or none; its counters are registered in {@code registry} only when there is one. */
    ResponseCache(Optional<ResponseStore> store, MeterRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        Objects.requireNonNull(registry, "registry");
        this.hits = store.map(on -> counter(registry, "hit"));
        this.misses = store.map(on -> counter(registry, "miss"));
    }

    /** A cache that serves nothing and keeps nothing. */
    static ResponseCache off() {
        return new ResponseCache(Optional.empty(), new SimpleMeterRegistry());
    }

    /** The cache {@code config} asks for (local, or in the shared Redis), counting into {@code registry}. */
    static ResponseCache of(VoxgateConfig config, MeterRegistry registry) {
        return new ResponseCache(config.responseCache().map(settings -> store(settings, config)), registry);
    }

    /** How the cache serves this request; empty when it is off or does not apply. Reads the audio to key it. */
    Optional<Use> use(TranscriptionForm form, Supplier<CacheDirectives> directivesOfTheRequest) throws IOException {
        boolean ownCall = !form.options().credentials().isEmpty() || form.options().mockTestingFallbacks();
        if (store.isEmpty() || form.stream() || ownCall) {
            return Optional.empty();
        }
        // Read only with the cache on: they may hold JSON to parse.
        CacheDirectives directives = directivesOfTheRequest.get();
        if (directives.noCache() && directives.noStore()) {
            return Optional.empty();
        }
        return Optional.of(new Use(CacheKey.of(form.options().task(), form.request()), !directives.noCache(),
                !directives.noStore()));
    }

    /** The kept answer for {@code use}, counted as a hit or a miss; empty, uncounted, when it may not be read. */
    Optional<StoredAnswer> lookup(Use use) {
        if (!use.read()) {
            return Optional.empty();
        }
        Optional<StoredAnswer> answer = store.orElseThrow().get(use.key().hex()).flatMap(StoredAnswer::decode);
        (answer.isPresent() ? hits : misses).ifPresent(Counter::increment);
        return answer;
    }

    /** Keeps {@code answer} under {@code use}'s key, unless the caller said no-store or it is too large. */
    void keep(Use use, StoredAnswer answer) {
        byte[] encoded = answer.encode();
        if (use.write() && encoded.length <= MAX_ENTRY_BYTES) {
            store.orElseThrow().put(use.key().hex(), encoded);
        }
    }

    @Override
    public void close() {
        store.ifPresent(ResponseStore::close);
    }

    private static ResponseStore store(ResponseCacheSettings settings, VoxgateConfig config) {
        return switch (settings.store()) {
            case LOCAL -> new LocalResponseStore(settings.ttl());
            // The config-loader refuses a redis cache without a Redis, so one is named here.
            case REDIS -> new SharedResponseStore(SharedState.responseStore(config.redis().orElseThrow()),
                    settings.ttl());
        };
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder(REQUESTS).tag("result", result)
                .description("requests the response cache was asked about: answered from it (hit) or not (miss)")
                .register(registry);
    }
}
