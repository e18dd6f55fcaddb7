package dev.voxgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void theTranscriptArrivesWholeInMissingFoldersAndNoTempFileStays() throws IOException {
        Path output = dir.resolve("a/b/talk.srt");

        OutputFile.write(output, "1\n00:00:00,000 --> 00:00:01,000\nhello\n\n");

        assertThat(output).hasContent("1\n00:00:00,000 --> 00:00:01,000\nhello\n\n");
        assertThat(dir.resolve("a/b")).isDirectoryContaining(path -> path.equals(output))
                .isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".part"));
    }

    @Test
    void aStrayTempFileOfAnEarlierRunIsOverwrittenAndAnExistingOutputReplaced() throws IOException {
        Path output = dir.resolve("talk.txt");
        Files.writeString(output, "old transcript");
        Files.writeString(OutputFile.temp(output), "half of a transcript from a run that was killed");

        OutputFile.write(output, "new transcript");

        assertThat(output).hasContent("new transcript");
        assertThat(OutputFile.temp(output)).doesNotExist();
    }

    @Test
    void whenTheRenameFailsNeitherTheTempFileNorAPartialOutputIsLeft() throws IOException {
        // A non-empty folder where the output should go: the rename onto it fails after the temp file was written.
        Path output = dir.resolve("talk.txt");
        Files.createDirectories(output);
        Files.writeString(output.resolve("keep"), "x");

        assertThatThrownBy(() -> OutputFile.write(output, "transcript")).isInstanceOf(IOException.class);

        assertThat(OutputFile.temp(output)).doesNotExist();
        assertThat(output).isDirectory();
        assertThat(OutputFile.temp(output).getFileName()).hasToString(".talk.txt.part");
    }
}
