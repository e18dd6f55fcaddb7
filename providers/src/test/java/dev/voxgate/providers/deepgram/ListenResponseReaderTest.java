package dev.voxgate.providers.deepgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.providers.http.MalformedBodyException;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenResponseReaderTest {

    private static final String PARAGRAPHS_WITHOUT_UTTERANCES = """
            {"metadata":{"duration":4.0},"results":{"channels":[{"alternatives":[{
              "transcript":"Good morning. How are you? Fine.",
              "words":[{"word":"good","start":0.1,"end":0.4,"speaker":0},{"word":"fine","start":3.0,"end":3.4,"speaker":1}],
              "paragraphs":{"transcript":"\\nSpeaker 0: Good morning. How are you?\\n\\nSpeaker 1: Fine.",
                "paragraphs":[
                  {"speaker":0,"sentences":[{"text":"Good morning.","start":0.1,"end":0.9},
                                            {"text":"How are you?","start":1.0,"end":1.8}]},
                  {"speaker":1,"sentences":[{"text":"Fine.","start":3.0,"end":3.4}]}]}}]}]}}""";

    @Test
    void segmentsComeFromParagraphSentencesWhenThereAreNoUtterances() throws Exception {
        Transcription transcription = ListenResponseReader.read(PARAGRAPHS_WITHOUT_UTTERANCES, Optional.empty());

        assertThat(transcription.text()).isEqualTo("Speaker 0: Good morning. How are you?\n\nSpeaker 1: Fine.");
        assertThat(transcription.segments()).extracting(Segment::id, Segment::text, Segment::speaker)
                .containsExactly(
                        Tuple.tuple(0, "Good morning.", Optional.of("0")),
                        Tuple.tuple(1, "How are you?", Optional.of("0")),
                        Tuple.tuple(2, "Fine.", Optional.of("1")));
    }

    @Test
    void paragraphsOfAnUndiarizedAnswerLeaveTheTranscriptAsItIs() throws Exception {
        String body = """
                {"results":{"channels":[{"alternatives":[{"transcript":"Good morning.",
                  "words":[{"word":"good","punctuated_word":"Good","start":0.1,"end":0.4}],
                  "paragraphs":{"transcript":"\\nGood morning.","paragraphs":[]}}]}]}}""";

        Transcription transcription = ListenResponseReader.read(body, Optional.of("en"));

        assertThat(transcription.text()).isEqualTo("Good morning.");
        assertThat(transcription.language()).contains("en");
        assertThat(transcription.durationSeconds()).isEmpty();
        assertThat(transcription.usage()).isEmpty();
    }

    @Test
    void onlyTheFirstChannelsUtterancesBecomeSegments() throws Exception {
        String body = """
                {"metadata":{"duration":2.0,"channels":2},"results":{
                  "channels":[{"alternatives":[{"transcript":"left","words":[]}]},
                              {"alternatives":[{"transcript":"right","words":[]}]}],
                  "utterances":[{"start":0.0,"end":0.5,"transcript":"left","channel":0,"speaker":0},
                                {"start":0.2,"end":0.9,"transcript":"right","channel":1,"speaker":0}]}}""";

        Transcription transcription = ListenResponseReader.read(body, Optional.empty());

        assertThat(transcription.text()).isEqualTo("left");
        assertThat(transcription.segments()).containsExactly(new Segment(0, 0.0, 0.5, "left", Optional.of("0"),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"metadata\":{\"duration\":1.0}}",
        "{\"results\":{\"channels\":[]}}",
        "{\"results\":{\"channels\":[{\"alternatives\":[]}]}}",
        "{\"results\":{\"channels\":[{\"alternatives\":[{\"words\":[]}]}]}}",
        "{\"results\":{\"channels\":[{\"alternatives\":[{\"transcript\":\"a\",\"words\":[{\"word\":\"a\"}]}]}]}}",
        "{\"results\":{\"channels\":[{\"alternatives\":[{\"transcript\":\"a\"}]}],\"utterances\":[{\"transcript\":\"a\"}]}}",
        "null"})
    void answerWithoutATranscriptOrTimingsIsMalformed(String body) {
        assertThatThrownBy(() -> ListenResponseReader.read(body, Optional.empty()))
                .isInstanceOf(MalformedBodyException.class);
    }
}
