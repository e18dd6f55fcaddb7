package dev.voxgate.local.internal.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of libvosk under the cache folder that JNA loads instead of extracting the jar's on every start. */
class BundledLibraryTest {

    @Test
    void theLibraryIsCopiedOnceUnderTheCacheAndKeptForTheNextStart(@TempDir Path cache) throws IOException {
        assumeFalse(Platform.isWindows() || Platform.isMac(),
                "the vosk jar carries the library in JNA's layout for Linux only; elsewhere JNA finds it as before");
        BundledLibrary.useCopyUnder(cache);
        List<Path> copies = libraries(cache);
        long written = Files.getLastModifiedTime(copies.getFirst()).toMillis();

        BundledLibrary.useCopyUnder(cache);

        assertThat(copies).hasSize(1);
        assertThat(copies.getFirst().getFileName().toString()).isEqualTo(System.mapLibraryName("vosk"));
        assertThat(Files.size(copies.getFirst())).isGreaterThan(1_000_000);
        assertThat(libraries(cache)).isEqualTo(copies);
        assertThat(Files.getLastModifiedTime(copies.getFirst()).toMillis()).isEqualTo(written);
    }

    private static List<Path> libraries(Path cache) throws IOException {
        try (Stream<Path> files = Files.walk(cache.resolve("native"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
