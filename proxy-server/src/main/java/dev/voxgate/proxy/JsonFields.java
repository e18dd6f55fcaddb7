package dev.voxgate.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import java.util.Optional;

/**
 * Form fields whose value is JSON text, as LiteLLM's {@code metadata}: a caller who sends one that does not parse
 * learns so at once, instead of it being dropped without a word.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonFields {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonFields() {
    }

    /** Refuses the request when {@code name} is present and is not a JSON object. */
    static void requireObject(FormFields form, String name) {
        object(form, name);
    }

    /** The JSON object in field {@code name}, if sent; refuses the request when it is not one. */
    static Optional<JsonNode> object(FormFields form, String name) {
        Optional<String> value = form.single(name).filter(text -> !text.isBlank());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(value.get());
        } catch (JsonProcessingException e) {
            // Only the position: Jackson's own text would quote the caller's value back.
            throw RequestRejected.badRequest(name, "'" + name + "' is not valid JSON (error at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); send a JSON "
                    + "object such as {\"tags\": [\"batch-7\"]}.");
        }
        if (!node.isObject()) {
            throw RequestRejected.badRequest(name, "'" + name + "' must be a JSON object such as "
                    + "{\"tags\": [\"batch-7\"]}, not " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ".");
        }
        return Optional.of(node);
    }
}
