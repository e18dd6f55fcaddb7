package dev.voxgate.providers.openaicompat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ProviderJson;
import java.io.IOException;
import java.util.Optional;
import okhttp3.MediaType;
import okio.BufferedSource;

/**
 * Reads OpenAI's streamed transcript: server-sent events whose {@code data:} lines carry
 * {@code transcript.text.delta} pieces, handed on as they arrive, and one {@code transcript.text.done} with the whole
 * text and usage. A model that does not stream answers with its plain JSON transcript instead; that arrives as one
 * piece.
 *
 * <p>Stateless.
 */
final class StreamedTranscriptReader {

    private static final String DELTA = "transcript.text.delta";
    private static final String DONE = "transcript.text.done";

    private StreamedTranscriptReader() {
    }

    static Transcription read(BufferedSource body, Optional<MediaType> contentType, TranscriptListener listener)
            throws IOException, MalformedBodyException {
        boolean eventStream = contentType.filter(type -> type.subtype().equalsIgnoreCase("event-stream")).isPresent();
        if (!eventStream) {
            Transcription whole = TranscriptionReader.read(ResponseFormat.JSON, body.readUtf8(), contentType);
            listener.onDelta(whole.text());
            return whole;
        }
        String line;
        while ((line = body.readUtf8Line()) != null) {
            Optional<Transcription> done = event(line, listener);
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw new MalformedBodyException("the stream ended before " + DONE);
    }

    private static Optional<Transcription> event(String line, TranscriptListener listener)
            throws MalformedBodyException {
        if (!line.startsWith("data:")) {
            return Optional.empty(); // event names, comments and the blank lines between events
        }
        String data = line.substring("data:".length()).strip();
        if (data.isEmpty() || data.equals("[DONE]")) {
            return Optional.empty();
        }
        StreamEvent event = ProviderJson.readBody(data, StreamEvent.class);
        if (DELTA.equals(event.type()) && event.delta() != null) {
            listener.onDelta(event.delta());
        } else if (DONE.equals(event.type())) {
            return Optional.of(TranscriptionReader.read(ResponseFormat.JSON, data, Optional.empty()));
        }
        return Optional.empty();
    }

    /** The part of a stream event that says what it is and carries a piece of text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StreamEvent(String type, String delta) {
    }
}
