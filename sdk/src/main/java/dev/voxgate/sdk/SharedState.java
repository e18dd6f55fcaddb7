package dev.voxgate.sdk;

import dev.voxgate.config.RedisSettings;
import dev.voxgate.config.VoxgateConfig;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import dev.voxgate.router.state.RoutingState;
import dev.voxgate.state.redis.RedisResponseStore;
import dev.voxgate.state.redis.RedisTarget;
import dev.voxgate.state.redis.ResilientRoutingState;
import io.lettuce.core.RedisURI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The routing state a config asks for: shared through Redis when it names one ({@link RedisSettings}), else this
 * process's own memory; and the response cache's store in that same Redis.
 */
public final class SharedState {

    /** Every key Voxgate writes starts so; replicas that share state share it. */
    static final String NAMESPACE = "voxgate:";
    /**
     * A Redis slower than this fails the command, and the call routes on local state: it must not hold a request
     * that a vendor answers in a second.
     */
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    /** How often a replica tries Redis again while it is away. */
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** Beyond an attempt's own timeout, how long its slot stays taken if its replica dies holding it. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private SharedState() {
    }

    static RoutingState of(VoxgateConfig config) {
        return config.redis().<RoutingState>map(redis -> new ResilientRoutingState(target(redis), NAMESPACE,
                leases(config), COMMAND_TIMEOUT, PROBE_EVERY, InstantSource.system()))
                .orElseGet(RoutingState::inMemory);
    }

    /**
     * The response cache's store in the Redis {@code settings} name, under {@code voxgate:cache:} keys, bounded by the
     * same command timeout as the routing state.
     */
    public static RedisResponseStore responseStore(RedisSettings settings) {
        return new RedisResponseStore(target(settings), NAMESPACE + "cache:", COMMAND_TIMEOUT);
    }

    /** The server or cluster {@code settings} name, as Lettuce is given it. */
    static RedisTarget target(RedisSettings settings) {
        if (settings.clusterNodes().isEmpty()) {
            return new RedisTarget.Server(uri(settings));
        }
        return new RedisTarget.Cluster(settings.clusterNodes().stream().map(node -> {
            int colon = node.lastIndexOf(':');
            RedisURI.Builder builder = RedisURI.Builder.redis(node.substring(0, colon),
                    Integer.parseInt(node.substring(colon + 1)));
            settings.password().ifPresent(password -> builder.withPassword(password.reveal().toCharArray()));
            return builder.withTimeout(COMMAND_TIMEOUT).build();
        }).toList());
    }

    static RedisURI uri(RedisSettings settings) {
        RedisURI uri = settings.url().map(url -> RedisURI.create(withPassword(url.reveal(), settings.password())))
                .orElseGet(() -> {
                    RedisURI.Builder builder = RedisURI.Builder.redis(settings.host().orElseThrow(),
                            settings.port().orElse(RedisSettings.DEFAULT_PORT));
                    settings.password().ifPresent(password -> builder.withPassword(password.reveal().toCharArray()));
                    return builder.build();
                });
        uri.setTimeout(COMMAND_TIMEOUT);
        return uri;
    }

    // A URL with its own credentials (redis://:pw@host) keeps them; a password otherwise goes into it, so that every
    // URL form (Sentinel's too) carries it as Lettuce reads it.
    private static String withPassword(String url, Optional<Secret> password) {
        int scheme = url.indexOf("://");
        if (password.isEmpty() || scheme < 0 || url.indexOf('@') >= 0) {
            return url;
        }
        return url.substring(0, scheme + 3) + ":" + URLEncoder.encode(password.get().reveal(), StandardCharsets.UTF_8)
                + "@" + url.substring(scheme + 3);
    }

    // An attempt holds its slot for at most its timeout; the margin covers the time around the call.
    private static Function<String, Duration> leases(VoxgateConfig config) {
        Duration fallback = config.routerSettings().attemptTimeout().plus(LEASE_MARGIN);
        Map<String, Duration> byId = config.deployments().stream().collect(Collectors.toMap(Deployment::id,
                deployment -> deployment.timeout().orElse(config.routerSettings().attemptTimeout()).plus(LEASE_MARGIN),
                (first, second) -> first));
        return id -> byId.getOrDefault(id, fallback);
    }
}
