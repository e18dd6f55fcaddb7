package dev.voxgate.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The repository's example configs and audio, found from the module's working directory. */
final class Examples {

    private Examples() {
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no examples/ folder above " + here);
    }

    static Path config(String name) {
        return root().resolve("examples").resolve(name);
    }

    static Path audio() {
        return audio("gettysburg-opening.wav");
    }

    static Path audio(String name) {
        return root().resolve("examples/audio").resolve(name);
    }

    /** A clip of the local engine's tests. */
    static Path localEngineClip(String name) {
        return root().resolve("local-engine/src/test/resources/clips").resolve(name);
    }

    /** Where the tests let the local engine unpack its model: inside the build folder, not the user's cache. */
    static Map<String, String> localEngineCache() {
        return Map.of("VOXGATE_CACHE_DIR", root().resolve("integration-tests/target/voxgate-cache").toString());
    }
}
