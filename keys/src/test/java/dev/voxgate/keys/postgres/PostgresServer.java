package dev.voxgate.keys.postgres;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL database for one test. {@link #start()} gives a fresh database on the cluster CI started
 * ({@code VOXGATE_TEST_POSTGRES=host:port}, a superuser {@code postgres} trusted on loopback) or, without one, on a
 * throwaway cluster of its own; {@link #startOwn()} always makes its own cluster ({@code initdb} in a temp folder, a
 * free port), which a test may {@linkplain #stop() stop} and {@linkplain #restart() restart}. PostgreSQL refuses to
 * run as root, so as root the cluster runs as the {@code postgres} user. Where PostgreSQL is missing the test is
 * skipped, unless {@code VOXGATE_REQUIRE_SERVICES=1} (as CI sets it) makes that a failure.
 */
public final class PostgresServer implements AutoCloseable {

    private final String host;
    private final int port;
    private final String database;
    private final Optional<Path> dir;
    private final Path bin;
    private Process process;

    private PostgresServer(String host, int port, String database, Optional<Path> dir, Path bin) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.dir = dir;
        this.bin = bin;
    }

    /** A fresh, empty database: on CI's cluster when there is one, else on a cluster of its own. */
    public static PostgresServer start() {
        Path bin = bin();
        String shared = System.getenv("VOXGATE_TEST_POSTGRES");
        if (shared == null || shared.isBlank()) {
            return startOwn();
        }
        String[] hostPort = shared.trim().split(":");
        String database = "voxgate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PostgresServer server = new PostgresServer(hostPort[0], Integer.parseInt(hostPort[1]), database,
                Optional.empty(), bin);
        server.run(List.of(bin.resolve("createdb").toString(), "-h", server.host, "-p", Integer.toString(server.port),
                "-U", "postgres", database));
        return server;
    }

    /** A cluster of its own, which the test may stop and restart. */
    public static PostgresServer startOwn() {
        Path bin = bin();
        try {
            Path dir = ownFolder();
            PostgresServer server = new PostgresServer("127.0.0.1", freePort(), "postgres", Optional.of(dir), bin);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U",
                    "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"));
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code postgresql://postgres@host:port/db}, as {@code DATABASE_URL} names it. */
    public String url() {
        return "postgresql://postgres@" + host + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Everything the database holds, as {@code pg_dump} writes it. */
    public String dump() {
        return run(List.of(bin.resolve("pg_dump").toString(), "-h", host, "-p", Integer.toString(port), "-U",
                "postgres", database));
    }

    /** Stops the server at once (immediate shutdown: no checkpoint, connections cut); only of its own cluster. */
    public void stop() {
        if (process == null) {
            throw new IllegalStateException("only a cluster started by startOwn() can be stopped");
        }
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.orElseThrow().resolve("data").toString(), "stop",
                "-m", "immediate", "-w"), true);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    /** Starts a stopped cluster again on the same port, with its data. */
    public void restart() {
        launch();
    }

    @Override
    public void close() {
        if (dir.isEmpty()) {
            run(List.of(bin.resolve("dropdb").toString(), "-h", host, "-p", Integer.toString(port), "-U", "postgres",
                    "--force", database));
            return;
        }
        stop();
        try (var files = Files.walk(dir.get())) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is no failure of the test
        }
    }

    private void launch() {
        Path data = dir.orElseThrow().resolve("data");
        try {
            process = new ProcessBuilder(asOwner(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-k", dir.get().toString(), "-c", "listen_addresses=127.0.0.1",
                    "-c", "fsync=off", "-c", "full_page_writes=off")))
                    .redirectErrorStream(true).redirectOutput(dir.get().resolve("postgres.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start postgres", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("postgres on " + port + " exited: " + log());
            }
            if (listening() && run(List.of(bin.resolve("pg_isready").toString(), "-h", host, "-p",
                    Integer.toString(port)), true).contains("accepting connections")) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("postgres did not accept connections on " + port + " within 20 s: " + log());
    }

    private boolean listening() {
        try (Socket ignored = new Socket(host, port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String run(List<String> command) {
        return run(command, false);
    }

    private String run(List<String> command, boolean mayFail) {
        try {
            Process started = new ProcessBuilder(asOwner(command)).redirectErrorStream(true).start();
            String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!started.waitFor(60, TimeUnit.SECONDS) || (started.exitValue() != 0 && !mayFail)) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    // PostgreSQL will not run as root: as root, the cluster's commands run as the postgres user, who owns its folder.
    private List<String> asOwner(List<String> command) {
        if (!root()) {
            return command;
        }
        // setpriv runs the command in its own process (runuser would stay its parent, and a kill would miss it).
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=postgres", "--regid=postgres",
                "--init-groups"));
        wrapped.addAll(command);
        return wrapped;
    }

    // The postgres user makes the folder itself: changing a folder's owner is refused in some sandboxes.
    private static Path ownFolder() throws IOException {
        if (!root()) {
            return Files.createTempDirectory("voxgate-postgres");
        }
        try {
            Process made = new ProcessBuilder("runuser", "-u", "postgres", "--", "mktemp", "-d",
                    "/tmp/voxgate-postgres.XXXXXXXX").redirectErrorStream(true).start();
            String output = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!made.waitFor(10, TimeUnit.SECONDS) || made.exitValue() != 0) {
                throw new IllegalStateException("cannot make a folder as the postgres user: " + output);
            }
            return Path.of(output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private String log() {
        try {
            return Files.readString(dir.orElseThrow().resolve("postgres.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while postgres started", e);
        }
    }

    private static Path bin() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                    .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                    .max(Comparator.comparing(candidate -> Integer.parseInt(candidate.getParent().getFileName()
                            .toString().replaceAll("\\D", "0"))));
            if (newest.isPresent()) {
                return newest.get();
            }
        } catch (IOException | RuntimeException absent) {
            // no Debian PostgreSQL
        }
        if ("1".equals(System.getenv("VOXGATE_REQUIRE_SERVICES"))) {
            throw new IllegalStateException("PostgreSQL is not installed: apt-get install postgresql");
        }
        assumeThat(false).as("PostgreSQL is not installed (apt-get install postgresql)").isTrue();
        throw new AssertionError("unreachable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
