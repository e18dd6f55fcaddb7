package dev.voxgate.providers.mistral;

import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.Transcription.Segment;
import dev.voxgate.core.model.Transcription.Usage;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.ProviderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;

/**
 * Reads Mistral's JSON answer, whatever format the caller asked for: Mistral has no other, and the proxy renders
 * text, srt, vtt and verbose_json from the transcript. Segments are numbered by position and keep their
 * {@code speaker_id}; the audio's length is the billed {@code usage.prompt_audio_seconds}, Mistral's only measure of it.
 *
 * <p>Stateless and thread-safe.
 */
final class MistralTranscriptionReader {

    private MistralTranscriptionReader() {
    }

    static Transcription read(ResponseFormat requested, String body, Optional<MediaType> contentType)
            throws MalformedBodyException {
        MistralTranscription wire = ProviderJson.readBody(body, MistralTranscription.class);
        if (wire.text() == null) {
            throw new MalformedBodyException("the JSON has no 'text'");
        }
        Optional<Double> seconds = Optional.ofNullable(wire.usage())
                .map(MistralTranscription.Usage::promptAudioSeconds);
        return new Transcription(wire.text(), Optional.ofNullable(wire.language()), seconds,
                segments(wire.segments()), List.of(), seconds.map(Usage.Duration::new), Optional.empty());
    }

    private static List<Segment> segments(List<MistralTranscription.Segment> wire) throws MalformedBodyException {
        List<Segment> segments = new ArrayList<>();
        for (MistralTranscription.Segment segment : wire == null ? List.<MistralTranscription.Segment>of() : wire) {
            int index = segments.size();
            if (segment == null || segment.start() == null || segment.end() == null) {
                throw new MalformedBodyException("segment " + index + " has no start or end");
            }
            String text = segment.text() == null ? "" : segment.text();
            segments.add(new Segment(index, segment.start(), segment.end(), text,
                    Optional.ofNullable(segment.speakerId()), Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty()));
        }
        return segments;
    }
}
