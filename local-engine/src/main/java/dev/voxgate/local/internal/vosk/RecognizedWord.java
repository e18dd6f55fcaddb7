package dev.voxgate.local.internal.vosk;

import java.util.Objects;

/**
 * One word as the recognizer heard it, timed from the start of the audio.
 *
 * @param word       the word, lower case as the model spells it
 * @param start      seconds from the start of the audio
 * @param end        seconds from the start of the audio
 * @param confidence the recognizer's confidence, 0 to 1
 */
public record RecognizedWord(String word, double start, double end, double confidence) {
    public RecognizedWord {
        Objects.requireNonNull(word, "word");
    }
}
