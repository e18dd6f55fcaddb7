package dev.voxgate.providers.http;

import java.io.IOException;

/**
 * The audio could not be read from its own storage while being sent, as opposed to the network failing: a local
 * fault that another deployment would hit just the same.
 */
final class AudioUnreadableException extends IOException {

    AudioUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
