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
    private final List<String> extraArguments;
    private Process process;

    private RedisServer(int port, Path dir, List<String> extraArguments) {
        this.port = port;
        this.dir = dir;
        this.extraArguments = extraArguments;
    }

    public static RedisServer start() {
        String binary = binary();
        try {
            RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("voxgate-redis"), List.of());
            server.launch(binary);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Redis Cluster of {@code size} masters on free ports (no replicas), its slots assigned by {@code redis-cli
     * --cluster create}; closing the first node's handle stops them all.
     */
    public static List<RedisServer> cluster(int size) {
        String binary = binary();
        List<RedisServer> nodes = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Path dir = Files.createTempDirectory("voxgate-redis-cluster");
                // The bus port would be the port + 10000 unless named: a second free port, so that no node fails to
                // start on a port some other program took.
                RedisServer node = new RedisServer(freePort(), dir, List.of("--cluster-enabled", "yes",
                        "--cluster-port", Integer.toString(freePort()), "--cluster-config-file",
                        dir.resolve("nodes.conf").toString(), "--cluster-node-timeout", "2000"));
                node.launch(binary);
                nodes.add(node);
            }
            List<String> create = new java.util.ArrayList<>(List.of(Path.of(binary).resolveSibling("redis-cli")
                    .toString(), "--cluster", "create"));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process created = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(nodes.getFirst().dir.resolve("create.log").toFile()).start();
            if (!created.waitFor(30, TimeUnit.SECONDS) || created.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: "
                        + Files.readString(nodes.getFirst().dir.resolve("create.log")));
            }
            // `create` returns once the slots are assigned; each node says "ok" only when gossip has told it so,
            // and until then answers CLUSTERDOWN.
            for (RedisServer node : nodes) {
                node.awaitClusterOk(Path.of(binary).resolveSibling("redis-cli").toString());
            }
            return nodes;
        } catch (IOException e) {
            nodes.forEach(RedisServer::close);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            nodes.forEach(RedisServer::close);
            throw new IllegalStateException("interrupted while the cluster formed", e);
        }
    }

    private void awaitClusterOk(String cli) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String info = "";
        while (System.nanoTime() < deadline) {
            Process asked = new ProcessBuilder(cli, "-h", "127.0.0.1", "-p", Integer.toString(port), "cluster", "info")
                    .redirectErrorStream(true).start();
            info = new String(asked.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            asked.waitFor(5, TimeUnit.SECONDS);
            if (info.contains("cluster_state:ok")) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("cluster node " + port + " not ok within 20 s: " + info);
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
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is no failure of the test
        }
    }

    private void launch(String binary) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of(binary, "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
            command.addAll(extraArguments);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("redis-server on " + port + " exited: " + log());
                }
                pause();
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s");
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("redis.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
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
