package dev.voxgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.cli.Inputs.Input;
import dev.voxgate.core.model.ResponseFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobTest {

    private static final Input TALK = new Input(Path.of("rec/day1/talk.final.wav"), Path.of("day1/talk.final.wav"));

    @Test
    void withoutOutTheTranscriptGoesBesideItsInputNamedAfterItWithTheFormatsExtension() {
        assertThat(Job.plan(List.of(TALK), Optional.empty(), ResponseFormat.SRT))
                .containsExactly(new Job(TALK.file(), Path.of("rec/day1/talk.final.srt")));
    }

    @Test
    void underOutTheInputsPathBelowItsFolderIsKept() {
        assertThat(Job.plan(List.of(TALK), Optional.of(Path.of("out")), ResponseFormat.VERBOSE_JSON))
                .extracting(Job::output).containsExactly(Path.of("out/day1/talk.final.verbose.json"));
    }

    @Test
    void eachFormatHasItsOwnExtensionSoThatTranscriptsInSeveralFormatsCanSitSideBySide() {
        assertThat(List.of(ResponseFormat.values())).extracting(Job::extension)
                .containsExactly(".json", ".txt", ".srt", ".vtt", ".verbose.json", ".diarized.json");
    }

    @Test
    void twoInputsThatWouldWriteOneOutputAreRefusedNamingBoth() {
        Input mp3 = new Input(Path.of("rec/day1/talk.final.mp3"), Path.of("day1/talk.final.mp3"));

        assertThatThrownBy(() -> Job.plan(List.of(TALK, mp3), Optional.empty(), ResponseFormat.TEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rec/day1/talk.final.wav and rec/day1/talk.final.mp3 would both be written to "
                        + "rec/day1/talk.final.txt");
    }
}
