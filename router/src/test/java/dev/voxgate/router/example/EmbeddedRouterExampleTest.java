package dev.voxgate.router.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmbeddedRouterExampleTest {

    private static final Path SOURCE = Path.of("src/test/java/dev/voxgate/router/example/EmbeddedRouterExample.java");
    private static final Path README = Path.of("../README.md");

    @Test
    void theEmbeddingExampleRunsAndFallsToTheSecondTier() {
        assertThat(EmbeddedRouterExample.run())
                .startsWith("hello from the in-house engine (deployment in-house, retries 1, overhead ");
    }

    @Test
    void theReadmeQuotesTheEmbeddingExampleWordForWord() throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        List<String> quoted = lines.subList(lines.indexOf("        // README:start") + 1,
                lines.indexOf("        // README:end"));
        String example = quoted.stream().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(quoted).isNotEmpty();
        assertThat(Files.readString(README)).contains(example);
    }
}
