package dev.voxgate.state.redis;

import static org.assertj.core.api.Assumptions.assumeThat;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port, without persistence, for one test. Where the binary is
 * missing the test is skipped, unless {@code VOXGATE_REQUIRE_SERVICES=1} (as CI sets it) makes that a failure.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() {
        String binary = binary();
        try {
            RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("voxgate-redis"));
            server.launch(binary);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RedisURI uri() {
        return RedisURI.create(url());
    }

    /** {@code redis://127.0.0.1:<port>}, as a config or REDIS_URL names it. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server at once, as a crash would; {@link #restart()} brings it back on the same port, empty. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void restart() {
        launch(binary());
    }

    @Override
    public void close() {
        kill();
    }

    private void launch(String binary) {
        try {
            process = new ProcessBuilder(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s");
    }

    // Polls a process that is starting; nothing here waits on time itself.
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redis-server started", e);
        }
    }

    private static String binary() {
        for (String candidate : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        if ("1".equals(System.getenv("VOXGATE_REQUIRE_SERVICES"))) {
            throw new IllegalStateException("redis-server is not installed: apt-get install redis-server");
        }
        assumeThat(false).as("redis-server is not installed (apt-get install redis-server)").isTrue();
        throw new AssertionError("unreachable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
