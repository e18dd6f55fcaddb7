package dev.voxgate.router;

import dev.voxgate.core.TranscriptListener;

/**
 * Passes a streamed transcript on to the caller's listener and remembers whether any of it has gone out: until then
 * a failed attempt may be retried elsewhere; after that it may not.
 *
 * <p>Fed by one attempt at a time, but read from the routing thread, hence the volatile flag.
 */
final class StreamStart implements TranscriptListener {

    private final TranscriptListener listener;
    private volatile boolean begun;

    StreamStart(TranscriptListener listener) {
        this.listener = listener;
    }

    @Override
    public void onDelta(String text) {
        begun = true;
        listener.onDelta(text);
    }

    boolean hasBegun() {
        return begun;
    }
}
