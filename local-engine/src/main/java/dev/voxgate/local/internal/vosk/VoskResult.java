package dev.voxgate.local.internal.vosk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The part Voxgate reads of Vosk's JSON for one utterance with word timings on:
 * {@code {"result":[{"conf","start","end","word"}…],"text"}}. An utterance without words has no {@code result}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record VoskResult(List<Word> result) {

    List<Word> words() {
        return result == null ? List.of() : result;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Word(String word, double start, double end, double conf) {
    }
}
