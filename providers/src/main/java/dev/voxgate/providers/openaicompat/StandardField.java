package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.TranscriptionRequest;
import java.util.List;

/**
 * The optional fields of OpenAI's transcription request that a vendor may or may not take. A profile lists the ones
 * its vendor takes; a caller's value for any other is refused before the call, or dropped under {@code drop_params}.
 *
 * <p>Immutable and thread-safe.
 */
public enum StandardField {
    LANGUAGE("language"),
    PROMPT("prompt"),
    // Always present (json by default), so never refused: a vendor without it answers in one shape, which its
    // profile's reader maps, and the proxy renders the format asked for from that.
    RESPONSE_FORMAT("response_format"),
    TEMPERATURE("temperature"),
    TIMESTAMP_GRANULARITIES("timestamp_granularities");

    private final String wireName;

    StandardField(String wireName) {
        this.wireName = wireName;
    }

    /** The form field's name, without the {@code []} an array encoding may add. */
    public String wireName() {
        return wireName;
    }

    /** Whether the caller set this field in {@code request}. */
    boolean presentIn(TranscriptionRequest request) {
        return switch (this) {
            case LANGUAGE -> request.language().isPresent();
            case PROMPT -> request.prompt().isPresent();
            case RESPONSE_FORMAT -> false;
            case TEMPERATURE -> request.temperature().isPresent();
            case TIMESTAMP_GRANULARITIES -> !request.timestampGranularities().isEmpty();
        };
    }

    /** Removes this field from {@code request}. */
    void clear(TranscriptionRequest.Builder request) {
        switch (this) {
            case LANGUAGE -> request.language(null);
            case PROMPT -> request.prompt(null);
            case RESPONSE_FORMAT -> { }
            case TEMPERATURE -> request.temperature(null);
            case TIMESTAMP_GRANULARITIES -> request.timestampGranularities(List.of());
        }
    }
}
