package dev.voxgate.state.redis;

/** The shared state could not be read or written: Redis is away, slow or refused the command. */
public final class SharedStateException extends RuntimeException {

    SharedStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
