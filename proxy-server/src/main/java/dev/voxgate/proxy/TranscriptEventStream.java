package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.render.TranscriptRenderer;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Relays a streamed transcript to the caller as OpenAI sends it: server-sent events, one {@code data:} line per
 * {@code transcript.text.delta}, flushed as it arrives, then {@code transcript.text.done} with the whole text. The
 * response starts with the first event; until then a failure can still be answered with an ordinary error.
 *
 * <p>Not thread-safe; one per request, fed from the thread making the call.
 */
final class TranscriptEventStream implements TranscriptListener {

    private final Context ctx;
    private final ObjectMapper json;
    private OutputStream out;

    TranscriptEventStream(Context ctx, ObjectMapper json) {
        this.ctx = ctx;
        this.json = json;
    }

    @Override
    public void onDelta(String text) {
        send(TranscriptRenderer.deltaEvent(text));
    }

    /** The last event: the whole transcript and its usage. */
    void done(Transcription transcription) {
        send(TranscriptRenderer.doneEvent(transcription));
    }

    /** Whether the caller has been sent anything, after which an error can only be an event. */
    boolean started() {
        return out != null;
    }

    /** Ends a started stream with an error event in OpenAI's error shape. */
    void failed(OpenAiError error) {
        ObjectNode event = json.createObjectNode().put("type", "error");
        event.putObject("error").put("message", error.message()).put("type", error.type())
                .put("code", error.code().orElse(null));
        send(event.toString());
    }

    private void send(String event) {
        try {
            if (out == null) {
                ctx.status(200).contentType("text/event-stream");
                out = ctx.res().getOutputStream();
            }
            out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // The caller went away; nothing more can reach it, and the call is abandoned.
            throw new UncheckedIOException("the caller closed the stream", e);
        }
    }
}
