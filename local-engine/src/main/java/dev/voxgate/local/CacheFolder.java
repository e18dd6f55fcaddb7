package dev.voxgate.local;

import dev.voxgate.core.EnvironmentSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the bundled model is unpacked: {@code VOXGATE_CACHE_DIR}, else {@code $XDG_CACHE_HOME/voxgate}, else
 * {@code ~/.cache/voxgate}; when that folder cannot be created or written (a read-only home in a container), a
 * {@code voxgate-cache-<user>} folder in the temp directory.
 */
final class CacheFolder {

    static final String VARIABLE = "VOXGATE_CACHE_DIR";

    private CacheFolder() {
    }

    static Path choose(EnvironmentSource environment) {
        Optional<String> configured = environment.get(VARIABLE);
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        Path preferred = environment.get("XDG_CACHE_HOME").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("voxgate");
        return writable(preferred) ? preferred
                : Path.of(System.getProperty("java.io.tmpdir"), "voxgate-cache-" + System.getProperty("user.name"));
    }

    private static boolean writable(Path folder) {
        try {
            Files.createDirectories(folder);
            return Files.isWritable(folder);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
