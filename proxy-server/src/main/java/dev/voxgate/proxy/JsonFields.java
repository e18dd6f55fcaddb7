package dev.voxgate.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * JSON objects a caller sends: form fields whose value is JSON text, as LiteLLM's {@code metadata}, and the bodies of
 * the management routes. A caller who sends one that does not parse learns so at once, instead of it being dropped
 * without a word. Dollars keep their digits (decimals are read as {@code BigDecimal}).
 *
 * <p>Stateless and thread-safe.
 */
final class JsonFields {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private JsonFields() {
    }

    /** Refuses the request when {@code name} is present and is not a JSON object. */
    static void requireObject(FormFields form, String name) {
        object(form, name);
    }

    /** The JSON object in field {@code name}, if sent; refuses the request when it is not one. */
    static Optional<JsonNode> object(FormFields form, String name) {
        return form.single(name).filter(text -> !text.isBlank())
                .map(text -> object(text, name, "'" + name + "'", "{\"tags\": [\"batch-7\"]}"));
    }

    /**
     * {@code text} as a JSON object; refuses the request when it is not one, saying so of {@code subject} (blaming
     * {@code param}, when one is to blame) and showing {@code example}.
     */
    static ObjectNode object(String text, String param, String subject, String example) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            // Only the position: Jackson's own text would quote the caller's value back.
            throw RequestRejected.badRequest(param, subject + " is not valid JSON (error at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "); send a JSON "
                    + "object such as " + example + ".");
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw RequestRejected.badRequest(param, subject + " must be a JSON object such as " + example + ", not "
                + node.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
    }
}
