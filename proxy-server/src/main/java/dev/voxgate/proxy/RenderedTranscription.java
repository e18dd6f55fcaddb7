package dev.voxgate.proxy;

import java.util.Objects;

/** A transcript ready to send: its {@code Content-Type} and body. */
record RenderedTranscription(String contentType, String body) {
    RenderedTranscription {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
