package dev.voxgate.providers.gemini;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.providers.http.ProviderJson;
import java.util.Objects;

/**
 * The audio of a call as Gemini takes it: its bytes inline, base64-encoded, or the URI of a file uploaded through the
 * Files API; with its MIME type either way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param base64   the bytes, base64-encoded, when inline
 * @param fileUri  the uploaded file's URI, when not
 * @param mimeType the audio's type, e.g. {@code audio/wav}
 */
record AudioPart(String base64, String fileUri, String mimeType) {

    AudioPart {
        Objects.requireNonNull(mimeType, "mimeType");
        if ((base64 == null) == (fileUri == null)) {
            throw new IllegalArgumentException("audio is either inline or an uploaded file");
        }
    }

    static AudioPart inline(String base64, String mimeType) {
        return new AudioPart(Objects.requireNonNull(base64, "base64"), null, mimeType);
    }

    static AudioPart uploaded(String fileUri, String mimeType) {
        return new AudioPart(null, Objects.requireNonNull(fileUri, "fileUri"), mimeType);
    }

    /** {@code generateContent}'s part: {@code {inline_data: {mime_type, data}}} or {@code {file_data: {…}}}. */
    ObjectNode contentPart() {
        ObjectNode part = ProviderJson.object();
        if (base64 != null) {
            part.putObject("inline_data").put("mime_type", mimeType).put("data", base64);
        } else {
            part.putObject("file_data").put("mime_type", mimeType).put("file_uri", fileUri);
        }
        return part;
    }

    /** The Interactions API's input: {@code {type: "audio", data | uri, mime_type}}. */
    ObjectNode interactionInput() {
        ObjectNode input = ProviderJson.object().put("type", "audio");
        if (base64 != null) {
            input.put("data", base64);
        } else {
            input.put("uri", fileUri);
        }
        return input.put("mime_type", mimeType);
    }

    @Override
    public String toString() {
        return base64 != null ? "AudioPart[inline, " + mimeType + "]" : "AudioPart[" + fileUri + ", " + mimeType + "]";
    }
}
