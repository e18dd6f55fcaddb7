package dev.voxgate.core;

/**
 * Receives a transcript as it is produced, for streamed transcriptions ({@code stream=true}): each piece of text the
 * vendor sends, in order. The whole transcript is what the streaming call returns once the vendor is done.
 *
 * <p>Called from the thread making the call, one piece at a time.
 */
@FunctionalInterface
public interface TranscriptListener {

    /** The next piece of the transcript, to be appended to what came before. */
    void onDelta(String text);
}
