package dev.voxgate.state.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One of the Lua scripts beside this class, run by its SHA-1 so that a call sends its arguments only; a server that
 * does not know it yet (a fresh or restarted Redis) is sent the script once, which it then keeps.
 *
 * <p>Immutable and thread-safe.
 */
final class LuaScript {

    private final String name;
    private final String body;
    private final String sha;
    private final ScriptOutputType output;

    private LuaScript(String name, String body, ScriptOutputType output) {
        this.name = name;
        this.body = body;
        this.sha = sha1(body);
        this.output = output;
    }

    static LuaScript load(String name, ScriptOutputType output) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Runs the script on {@code keys} with {@code args}: one round trip, two the first time a server meets it. */
    <T> CompletionStage<T> run(RedisClusterAsyncCommands<String, String> redis, String[] keys, String... args) {
        // Only a failure takes a second stage: an answer completes the one Lettuce returned as it is.
        return redis.<T>evalsha(sha, output, keys, args).exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            return cause instanceof RedisNoScriptException ? redis.<T>eval(body, output, keys, args)
                    : CompletableFuture.<T>failedFuture(cause);
        });
    }

    /** Sends the script to the server, which keeps it until it restarts: later runs are one round trip each. */
    CompletionStage<String> load(RedisClusterAsyncCommands<String, String> redis) {
        return redis.scriptLoad(body);
    }

    @Override
    public String toString() {
        return name;
    }

    private static String sha1(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }
}
