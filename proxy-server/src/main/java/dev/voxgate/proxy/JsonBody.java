package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.keys.DurationText;
import dev.voxgate.keys.Settings;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON object a management route was sent, read field by field: a field of the wrong type is refused with a
 * 400 that names it and says what it must be; a field that is absent or null is empty.
 *
 * <p>Not thread-safe; one per request.
 */
final class JsonBody {

    private final ObjectNode body;

    private JsonBody(ObjectNode body) {
        this.body = body;
    }

    static JsonBody of(Context ctx) {
        String text = ctx.body();
        return new JsonBody(text.isBlank() ? JsonNodeFactory.instance.objectNode() : JsonFields.object(text, null,
                "The body", "{\"models\": [\"whisper\"]} with Content-Type: application/json"));
    }

    Optional<String> text(String name) {
        JsonNode node = present(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw wrong(name, "a non-empty string");
        }
        return Optional.of(node.asText());
    }

    Optional<List<String>> texts(String name) {
        JsonNode node = present(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw wrong(name, "a list of strings, such as [\"whisper\"]");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw wrong(name, "a list of strings, such as [\"whisper\"]");
            }
            values.add(item.asText());
        }
        return Optional.of(values);
    }

    Optional<BigDecimal> dollars(String name) {
        JsonNode node = present(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isNumber() || node.decimalValue().signum() < 0) {
            throw wrong(name, "a number of US dollars, 0 or more");
        }
        return Optional.of(node.decimalValue());
    }

    Optional<Integer> count(String name) {
        JsonNode node = present(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 0) {
            throw wrong(name, "a whole number, 0 or more");
        }
        return Optional.of(node.asInt());
    }

    Optional<String> duration(String name) {
        Optional<String> text = text(name);
        text.ifPresent(value -> {
            try {
                DurationText.parse(value);
            } catch (IllegalArgumentException e) {
                throw RequestRejected.badRequest(name, "'" + name + "': " + e.getMessage() + ".");
            }
        });
        return text;
    }

    /** {@code metadata} as JSON text, when it is an object. */
    Optional<String> object(String name) {
        JsonNode node = present(name);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw wrong(name, "a JSON object such as {\"owner\": \"ana\"}");
        }
        return Optional.of(node.toString());
    }

    /** The settings keys and teams share, under LiteLLM's names; {@code aliasField} is key_alias or team_alias. */
    Settings settings(String aliasField) {
        try {
            return new Settings(text(aliasField), texts("models"), dollars("max_budget"), duration("budget_duration"),
                    count("rpm_limit"), count("tpm_limit"), count("max_parallel_requests"), object("metadata"));
        } catch (IllegalArgumentException e) {
            throw RequestRejected.badRequest(null, e.getMessage());
        }
    }

    private JsonNode present(String name) {
        JsonNode node = body.get(name);
        return node == null || node.isNull() ? null : node;
    }

    private static RequestRejected wrong(String name, String shape) {
        return RequestRejected.badRequest(name, "'" + name + "' must be " + shape + ".");
    }
}
