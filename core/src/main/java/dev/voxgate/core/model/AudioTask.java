package dev.voxgate.core.model;

/** What a caller asks of the audio: OpenAI's two audio routes. */
public enum AudioTask {
    /** {@code /audio/transcriptions}: the speech as written, in its own language. */
    TRANSCRIBE("transcriptions"),
    /** {@code /audio/translations}: the speech as English text. */
    TRANSLATE("translations");

    private final String route;

    AudioTask(String route) {
        this.route = route;
    }

    /** The last part of OpenAI's path for it, e.g. {@code translations}. */
    public String route() {
        return route;
    }
}
