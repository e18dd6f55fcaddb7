package dev.voxgate.providers.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The one Jackson mapper of the providers, built once. It ignores fields it does not know (vendors add them
 * freely) and rejects anything after the JSON value (a sign of a mangled body).
 *
 * <p>Thread-safe. The mapper itself is not exposed, so nobody can reconfigure it under the other adapters.
 */
public final class ProviderJson {

    // Jackson's default buffer pool is per thread, and every attempt runs on a new virtual thread, so each read
    // would allocate fresh parse buffers; a pool shared by all threads reuses them.
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                    .build())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final MediaType JSON = MediaType.get("application/json");

    private ProviderJson() {
    }

    /** An empty JSON object, for a request body. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code json} as a request body of type {@code application/json}. */
    public static RequestBody body(JsonNode json) {
        try {
            return RequestBody.create(MAPPER.writeValueAsBytes(json), JSON);
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always writes; this would be a bug in how the body was built.
            throw new IllegalStateException("a JSON body could not be written", e);
        }
    }

    /** Reads {@code json} as a {@code type}; {@code null} when the body is the JSON literal {@code null}. */
    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }

    /**
     * Reads a vendor's success body as a {@code type}.
     *
     * @throws MalformedBodyException when the body is not JSON of that shape, or is the JSON literal {@code null}
     */
    public static <T> T readBody(String body, Class<T> type) throws MalformedBodyException {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new MalformedBodyException("the body is the JSON literal null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("not the expected JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Reads {@code json} as a tree. */
    public static JsonNode tree(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }
}
