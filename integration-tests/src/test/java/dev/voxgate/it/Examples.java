package dev.voxgate.it;

import java.nio.file.Files;
import java.nio.file.Path;

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
        return root().resolve("examples/audio/gettysburg-opening.wav");
    }
}
