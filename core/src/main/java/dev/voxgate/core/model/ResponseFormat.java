package dev.voxgate.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The transcript formats of OpenAI's audio API, with their wire names and the content types OpenAI answers with. */
public enum ResponseFormat {
    JSON("json", "application/json"),
    TEXT("text", "text/plain; charset=utf-8"),
    SRT("srt", "text/plain; charset=utf-8"),
    VTT("vtt", "text/plain; charset=utf-8"),
    VERBOSE_JSON("verbose_json", "application/json"),
    DIARIZED_JSON("diarized_json", "application/json");

    private final String wireName;
    private final String contentType;

    ResponseFormat(String wireName, String contentType) {
        this.wireName = wireName;
        this.contentType = contentType;
    }

    /** The name on the wire, e.g. {@code verbose_json}. */
    public String wireName() {
        return wireName;
    }

    /** The {@code Content-Type} of a response in this format. */
    public String contentType() {
        return contentType;
    }

    /** True for the formats whose body is plain text rather than JSON. */
    public boolean isText() {
        return this == TEXT || this == SRT || this == VTT;
    }

    /** The format with this wire name (case-insensitive). */
    public static Optional<ResponseFormat> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(format -> format.wireName.equals(wanted)).findFirst();
    }

    /** The wire names, comma-separated, for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(ResponseFormat::wireName).collect(Collectors.joining(", "));
    }
}
