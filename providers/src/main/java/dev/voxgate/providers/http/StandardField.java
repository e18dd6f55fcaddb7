package dev.voxgate.providers.http;

import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.List;

/**
 * The optional fields of OpenAI's transcription request, which a provider takes (sends, or maps to its own names) or
 * not. A {@link ParamSchema} lists the ones its provider takes; a caller's value for any other is refused before the
 * call, or dropped under {@code drop_params}.
 *
 * <p>Immutable and thread-safe.
 */
public enum StandardField {
    LANGUAGE("language", ParamType.TEXT),
    PROMPT("prompt", ParamType.TEXT),
    // Always present (json by default), so never refused: a vendor without it answers in one shape, which its
    // adapter maps, and the proxy renders the format asked for from that.
    RESPONSE_FORMAT("response_format", ParamType.TEXT),
    TEMPERATURE("temperature", ParamType.NUMBER),
    TIMESTAMP_GRANULARITIES("timestamp_granularities", ParamType.LIST);

    private final String wireName;
    private final ParamType type;

    StandardField(String wireName, ParamType type) {
        this.wireName = wireName;
        this.type = type;
    }

    /** The form field's name, without the {@code []} an array encoding may add. */
    public String wireName() {
        return wireName;
    }

    /** The kind of value it takes, as declared in a provider's capabilities. */
    public ParamType type() {
        return type;
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
