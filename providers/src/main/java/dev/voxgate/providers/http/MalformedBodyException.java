package dev.voxgate.providers.http;

/**
 * A vendor answered success with a body that is not the expected shape (truncated JSON, an HTML page, a missing
 * field). {@link UpstreamClient} turns it into {@code UpstreamProtocolError}.
 */
public final class MalformedBodyException extends Exception {

    /** {@code detail} says what is wrong with the body; it is redacted before it reaches a caller. */
    public MalformedBodyException(String detail) {
        super(detail);
    }

    public MalformedBodyException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
