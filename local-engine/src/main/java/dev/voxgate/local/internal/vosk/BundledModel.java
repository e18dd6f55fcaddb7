package dev.voxgate.local.internal.vosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The English model of {@code com.alphacephei:vosk-model-en:0.3.45}, which the build copies out of its {@code aar}
 * into this module's jar under {@code dev/voxgate/local/vosk-en/}. Vosk reads models from folders only, so it is
 * copied once more, on first use, into {@code <cache>/models/vosk-en-<uuid>} and used from there. Each copy is made in a private folder and renamed into place in one step, so a process that
 * sees the folder sees it whole, and processes unpacking at the same time do not disturb each other.
 *
 * <p>Thread-safe.
 */
public final class BundledModel {

    private static final String ROOT = "dev/voxgate/local/vosk-en/";
    private static final String MARKER = ROOT + "uuid";
    private static final Object UNPACKING = new Object();

    private BundledModel() {
    }

    /**
     * The model's folder under {@code cacheRoot}, unpacked first if it is not there yet.
     *
     * @throws IllegalStateException when the model is not on the classpath or cannot be unpacked
     */
    public static Path unpackedUnder(Path cacheRoot) {
        URL marker = BundledModel.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("the bundled Vosk model (" + MARKER + ") is not on the classpath: "
                    + "build voxgate-local-engine with Maven, which copies it in, or set litellm_params.model_path "
                    + "to a Vosk model folder");
        }
        try {
            String uuid = read(marker);
            if (!uuid.matches("[A-Za-z0-9-]{1,64}")) {
                throw new IOException("the model's uuid file holds '" + uuid + "', not a uuid");
            }
            Path target = cacheRoot.resolve("models").resolve("vosk-en-" + uuid);
            synchronized (UNPACKING) {
                if (!Files.isDirectory(target)) {
                    unpack(marker, target);
                }
            }
            return target;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not unpack the bundled Vosk model into " + cacheRoot + " (" + e
                    + "); set VOXGATE_CACHE_DIR to a writable folder", e);
        }
    }

    private static void unpack(URL marker, Path target) throws IOException, URISyntaxException {
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
        try {
            copyModel(marker, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process finished first; its copy is as good as ours.
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the cache folder's file system cannot rename folders atomically", e);
        } finally {
            deleteTree(partial);
        }
    }

    private static void copyModel(URL marker, Path destination) throws IOException, URISyntaxException {
        if (marker.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) marker.openConnection();
            // A cached JarFile is shared with the class loader; closing it would break later reads of the jar.
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(ROOT)).toList()) {
                    copy(jar, entry, destination);
                }
            }
        } else {
            Path root = Path.of(marker.toURI()).getParent();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path to = destination.resolve(root.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
    }

    private static void copy(JarFile jar, JarEntry entry, Path destination) throws IOException {
        Path to = destination.resolve(entry.getName().substring(ROOT.length())).normalize();
        if (!to.startsWith(destination)) {
            throw new IOException("entry " + entry.getName() + " points outside the model folder");
        }
        if (entry.isDirectory()) {
            Files.createDirectories(to);
            return;
        }
        Files.createDirectories(to.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, to);
        }
    }

    private static String read(URL marker) throws IOException {
        try (InputStream in = marker.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Leftovers are hidden, uniquely named folders; they never shadow the real model.
        }
    }
}
