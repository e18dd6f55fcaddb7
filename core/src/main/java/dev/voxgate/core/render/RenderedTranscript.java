package dev.voxgate.core.render;

import java.util.Objects;

/**
 * A transcript ready to send: its {@code Content-Type} and body.
 *
 * @param contentType the {@code Content-Type} OpenAI answers with in the format
 * @param body        the body, to be sent as UTF-8
 */
public record RenderedTranscript(String contentType, String body) {
    public RenderedTranscript {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
