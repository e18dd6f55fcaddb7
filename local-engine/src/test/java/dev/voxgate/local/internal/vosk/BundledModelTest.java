package dev.voxgate.local.internal.vosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledModelTest {

    @Test
    void theModelIsUnpackedOnceWholeAndWithoutLeftoversEvenWhenAskedForConcurrently(@TempDir Path cache)
            throws IOException {
        List<Path> folders;
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            List<CompletableFuture<Path>> calls = IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> BundledModel.unpackedUnder(cache), threads))
                    .toList();
            folders = calls.stream().map(CompletableFuture::join).toList();
        }

        Path folder = folders.getFirst();
        assertThat(folders).containsOnly(folder);
        assertThat(folder.getParent()).isEqualTo(cache.resolve("models"));
        assertThat(folder.getFileName().toString()).isEqualTo("vosk-en-8299698e-4447-4ce1-be96-cccda9168067");
        assertThat(Files.size(folder.resolve("am/final.mdl"))).isEqualTo(15_962_575L);
        assertThat(Files.size(folder.resolve("graph/HCLr.fst"))).isEqualTo(22_416_994L);
        assertThat(Files.size(folder.resolve("ivector/final.ie"))).isEqualTo(8_288_887L);
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(15);
        }
        try (Stream<Path> siblings = Files.list(cache.resolve("models"))) {
            assertThat(siblings.toList()).containsExactly(folder);
        }
    }
}
