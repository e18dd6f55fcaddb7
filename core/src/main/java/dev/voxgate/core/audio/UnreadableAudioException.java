package dev.voxgate.core.audio;

/** The upload is not audio Voxgate can decode; the message says why, in words for the caller. */
final class UnreadableAudioException extends Exception {

    UnreadableAudioException(String reason) {
        super(reason);
    }

    static UnreadableAudioException tooLong(long maxSeconds) {
        return new UnreadableAudioException("it is longer than " + maxSeconds / 60 + " minutes, the most Voxgate "
                + "decodes in one request; split it into shorter files");
    }
}
