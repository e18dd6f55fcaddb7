package dev.voxgate.providers.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of the providers, built once. It ignores fields it does not know (vendors add them
 * freely) and rejects anything after the JSON value (a sign of a mangled body).
 *
 * <p>Thread-safe. The mapper itself is not exposed, so nobody can reconfigure it under the other adapters.
 */
public final class ProviderJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ProviderJson() {
    }

    /** Reads {@code json} as a {@code type}; {@code null} when the body is the JSON literal {@code null}. */
    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    /**
     * Reads a vendor's success {@code body} as a {@code type}.
     *
     * @throws MalformedBodyException when it is not JSON of that shape, or is the literal {@code null}
     */
    public static <T> T readBody(String body, Class<T> type) throws MalformedBodyException {
        T value;
        try {
            value = MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("not the expected JSON (" + e.getOriginalMessage() + ")");
        }
        if (value == null) {
            throw new MalformedBodyException("the JSON is null");
        }
        return value;
    }

    /** Reads {@code json} as a tree. */
    public static JsonNode tree(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }
}
