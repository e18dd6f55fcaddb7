package dev.voxgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.cli.Inputs.Input;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void recordings() throws IOException {
        for (String name : List.of("a.wav", "notes.txt", "day1/b.mp3", "day1/cover.jpg", "day1/deep/c.WAV",
                "day2/d.flac", "day2/b.mp3", "day2/._d.flac", ".trash/old.wav")) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
    }

    @Test
    void aFolderYieldsEveryAudioFileBelowItByExtensionButNoDotFileSortedWithItsRelativePath() {
        List<Input> inputs = Inputs.expand(List.of(dir.toString()));

        assertThat(inputs).extracting(input -> input.relative().toString())
                .containsExactly("a.wav", "day1/b.mp3", "day1/deep/c.WAV", "day2/b.mp3", "day2/d.flac");
        assertThat(inputs.get(2).file()).isEqualTo(dir.resolve("day1/deep/c.WAV"));
    }

    @Test
    void aRecursiveGlobMatchesBelowItsFixedPartWhichTheRelativePathsStartAfter() {
        List<Input> inputs = Inputs.expand(List.of(dir + "/**/*.mp3"));

        assertThat(inputs).extracting(input -> input.relative().toString()).containsExactly("day1/b.mp3", "day2/b.mp3");
    }

    @Test
    void aGlobsLeadingDoubleStarMatchesNoFolderTooAsInBashAndZsh() {
        assertThat(Inputs.expand(List.of(dir + "/**/*.wav"))).extracting(input -> input.relative().toString())
                .containsExactly(".trash/old.wav", "a.wav");
    }

    @Test
    void aOneLevelGlobStaysInItsFolderAndTakesWhatItMatchesWhateverTheExtension() {
        assertThat(Inputs.expand(List.of(dir + "/day1/*"))).extracting(input -> input.relative().toString())
                .containsExactly("b.mp3", "cover.jpg");
    }

    @Test
    void aNamedFileIsTakenAsItIsAndEachFileCountsOnceHoweverOftenItIsNamed() {
        List<Input> inputs = Inputs.expand(List.of(dir.resolve("notes.txt").toString(), dir + "/day1",
                dir.resolve("day1/b.mp3").toString()));

        assertThat(inputs).extracting(input -> input.relative().toString())
                .containsExactly("notes.txt", "b.mp3", "deep/c.WAV");
    }

    @Test
    void aFileWhoseNameLooksLikeAGlobIsThatFile() throws IOException {
        Path bracketed = Files.writeString(dir.resolve("take [2].wav"), "x");

        assertThat(Inputs.expand(List.of(bracketed.toString()))).extracting(Input::file).containsExactly(bracketed);
    }

    @Test
    void aMissingPathAGlobMatchingNothingAndAFolderWithoutAudioAreRefusedByName() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> Inputs.expand(List.of(dir + "/nope.wav")))
                .hasMessage("no such file or folder: " + dir + "/nope.wav");
        assertThatThrownBy(() -> Inputs.expand(List.of(dir + "/**/*.ogg"))).hasMessage("no file matches " + dir
                + "/**/*.ogg");
        assertThatThrownBy(() -> Inputs.expand(List.of(dir + "/empty"))).hasMessage("no audio files under " + dir
                + "/empty");
    }
}
