package dev.voxgate.providers.elevenlabs;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * ElevenLabs' answer to a speech-to-text call. Every field may be missing; {@link SpeechToTextReader} decides what
 * is required.
 *
 * @param languageCode      the detected or given language, ISO 639-3 ({@code eng})
 * @param text              the whole transcript
 * @param words             every token in order: words, the spacing between them, and audio events
 * @param audioDurationSecs the audio's length, which ElevenLabs bills
 */
record SpeechToTextResponse(
        @JsonProperty("language_code") String languageCode,
        String text,
        List<Token> words,
        @JsonProperty("audio_duration_secs") Double audioDurationSecs) {

    /**
     * A token; {@code type} is {@code word}, {@code spacing} or {@code audio_event}, {@code speaker_id}
     * ({@code speaker_0}) is there with diarize, {@code start}/{@code end} unless timestamps were turned off.
     */
    record Token(
            String text,
            Double start,
            Double end,
            String type,
            @JsonProperty("speaker_id") String speakerId,
            Double logprob) {

        boolean isWord() {
            return type == null || type.equals("word");
        }

        boolean isSpacing() {
            return "spacing".equals(type);
        }

        boolean isTimed() {
            return start != null && end != null;
        }
    }
}
