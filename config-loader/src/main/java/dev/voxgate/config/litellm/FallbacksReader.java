package dev.voxgate.config.litellm;

import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.router.RouterSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.Set;

/**
 * Reads LiteLLM's {@code fallbacks} and {@code default_fallbacks} and checks that every group they name is a model
 * group of {@code model_list}. A group whose entries were all skipped (non-audio models) is dropped with a warning,
 * so a mixed chat-and-audio config still loads.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class FallbacksReader {

    private static final String SHAPE = "a list of maps from a model group to the groups it falls back to, e.g. "
            + "[{\"whisper\": [\"whisper-backup\"]}]";

    private final ValueReader values;
    private final SequencedSet<String> groups;
    private final Set<String> skippedGroups;

    FallbacksReader(ValueReader values, SequencedSet<String> groups, Set<String> skippedGroups) {
        this.values = values;
        this.groups = groups;
        this.skippedGroups = skippedGroups;
    }

    /** {@code fallbacks}: each group and the groups it falls back to, in file order. */
    Map<String, List<String>> fallbacks(YamlNode node) {
        // LiteLLM writes a list of one-key maps; a single map with several keys means the same.
        List<YamlNode> items = node instanceof Mapping ? List.of(node) : values.sequence(node, SHAPE).items();
        Map<String, List<String>> fallbacks = new LinkedHashMap<>();
        Map<String, YamlNode> seen = new HashMap<>();
        for (YamlNode item : items) {
            values.mapping(item, SHAPE).entries().forEach((group, targets) -> {
                YamlNode earlier = seen.putIfAbsent(group, targets);
                if (earlier != null) {
                    throw values.error(targets, "fallbacks for '" + group + "' are given twice (also on line "
                            + earlier.line() + "): merge them into one list");
                }
                boolean kept = group.equals(RouterSettings.ANY_GROUP) || isGroup(group, targets);
                List<String> read = targets(targets, group);
                if (kept && !read.isEmpty()) {
                    fallbacks.put(group, read);
                }
            });
        }
        return fallbacks;
    }

    /** A list of fallback groups (a single name counts as a list of one), as under {@code default_fallbacks}. */
    List<String> targets(YamlNode node, String from) {
        List<YamlNode> items = node instanceof Scalar scalar && !scalar.isNull()
                ? List.of(node)
                : values.sequence(node, "a list of model groups").items();
        List<String> targets = new ArrayList<>();
        for (YamlNode item : items) {
            String target = values.text(item).orElseThrow(() -> values.error(item, "is empty: name a model group"));
            if (target.equals(from)) {
                throw values.error(item, "'" + from + "' falls back to itself: name another model group");
            }
            if (isGroup(target, item)) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** Whether {@code group} is a loaded model group: false, with a warning, when skipped; an error when unknown. */
    private boolean isGroup(String group, YamlNode node) {
        if (groups.contains(group)) {
            return true;
        }
        if (skippedGroups.contains(group)) {
            values.warn(node, "model group '" + group + "' was skipped (see its model_list warning); this "
                    + "fallback is ignored");
            return false;
        }
        throw values.error(node, "model group '" + group + "' is not defined in model_list (defined: "
                + String.join(", ", groups) + "); fallbacks name model groups, and * as a key means every group");
    }
}
