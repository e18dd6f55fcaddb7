package dev.voxgate.config.litellm;

import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.config.litellm.YamlNode.Sequence;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Gives each deployment of one file its id: {@code model_info.id} when written (and then unique), else, as LiteLLM
 * does, a hash of the model group and the {@code litellm_params}. The hash covers the parameters as written, so
 * {@code os.environ/NAME} counts by name: rotating a key in the environment keeps the id (and the router's state
 * for the deployment), and no resolved credential goes into it.
 *
 * <p>Remembers the ids it gave out; one instance per file, not thread-safe.
 */
final class DeploymentIds {

    private static final int HEX_DIGITS = 16;

    private final ValueReader values;
    private final Map<String, YamlNode> owners = new HashMap<>();

    DeploymentIds(ValueReader values) {
        this.values = values;
    }

    /** The id of the deployment at {@code entry}, reserved so no later one takes it. */
    String assign(Mapping entry, String modelName, Mapping params, Optional<YamlNode> explicit) {
        if (explicit.isPresent()) {
            YamlNode node = explicit.get();
            String id = values.text(node).orElseThrow(() -> values.error(node, "is empty: remove it or give an id"));
            YamlNode owner = owners.putIfAbsent(id, entry);
            if (owner != null) {
                throw values.error(node, "duplicate id '" + id + "': " + owner.path() + " (line " + owner.line()
                        + ") has it too; give each deployment its own model_info.id");
            }
            return id;
        }
        String derived = derive(modelName, params);
        String id = derived;
        for (int copy = 2; owners.containsKey(id); copy++) {
            id = derived + "-" + copy;
        }
        if (!id.equals(derived)) {
            YamlNode twin = owners.get(derived);
            values.warn(entry, "same model_name and litellm_params as " + twin.path() + " (line " + twin.line()
                    + "); kept as another deployment with id " + id);
        }
        owners.put(id, entry);
        return id;
    }

    /** The first hex digits of SHA-256 over the group and the parameters, sorted by key. */
    static String derive(String modelName, Mapping params) {
        StringBuilder canonical = new StringBuilder("model_name=").append(modelName).append('\n');
        new TreeMap<>(params.entries()).forEach((key, value) ->
                canonical.append(key).append('=').append(canonical(value)).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }

    private static String canonical(YamlNode node) {
        return switch (node) {
            case Scalar scalar -> scalar.type() + ":" + scalar.text();
            case Sequence sequence -> sequence.items().stream()
                    .map(DeploymentIds::canonical).collect(Collectors.joining(",", "[", "]"));
            case Mapping mapping -> new TreeMap<>(mapping.entries()).entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + canonical(entry.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        };
    }
}
