package dev.voxgate.config.litellm;

import dev.voxgate.config.ConfigException;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.config.litellm.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The anchors of one YAML document, and what PyYAML does with them: an alias ({@code *name}) stands for a copy of
 * the anchored map or list, and a {@code <<} merge key adds the keys of a map that the including map does not set.
 * Copies take the key path of where they are used and keep the lines where their parts are written.
 *
 * <p>Not thread-safe; one instance per document.
 */
final class YamlAnchors {

    // Aliases are expanded by copying, so a hostile file could nest them into an exponential tree.
    static final int MAX_COPIED_NODES = 200_000;

    private final String source;
    private final Map<String, YamlNode> anchored = new HashMap<>();
    private int copied;

    YamlAnchors(String source) {
        this.source = source;
    }

    void define(String anchor, YamlNode node) {
        anchored.put(anchor, node);
    }

    /** A copy of the node anchored as {@code anchor}, placed at {@code path}. */
    YamlNode alias(String anchor, String path, int line) {
        YamlNode target = anchored.get(anchor);
        if (target == null) {
            throw new ConfigException(source, line, path, "alias *" + anchor + " names no anchor on a map or list "
                    + "above it (anchors on single values are not supported): write the value out here");
        }
        return copy(target, path, line);
    }

    /** Adds the keys of a {@code <<} value that {@code entries} does not set itself; earlier merges win. */
    void merge(Map<String, YamlNode> entries, YamlNode merge, String path) {
        List<YamlNode> sources = merge instanceof Sequence sequence ? sequence.items() : List.of(merge);
        for (YamlNode each : sources) {
            if (!(each instanceof Mapping mapping)) {
                throw new ConfigException(source, merge.line(), merge.path(),
                        "a << merge key takes a map or a list of maps, not " + each.kind());
            }
            mapping.entries().forEach((key, value) -> entries.computeIfAbsent(key,
                    absent -> copy(value, YamlNode.childPath(path, key), value.line())));
        }
    }

    private YamlNode copy(YamlNode node, String path, int line) {
        if (++copied > MAX_COPIED_NODES) {
            throw new ConfigException(source, line, path, "the file expands to more than " + MAX_COPIED_NODES
                    + " YAML values through aliases: write a smaller config");
        }
        return switch (node) {
            case Mapping mapping -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                mapping.entries().forEach((key, value) ->
                        entries.put(key, copy(value, YamlNode.childPath(path, key), value.line())));
                yield new Mapping(path, line, entries);
            }
            case Sequence sequence -> {
                List<YamlNode> items = new ArrayList<>();
                for (YamlNode item : sequence.items()) {
                    items.add(copy(item, YamlNode.itemPath(path, items.size()), item.line()));
                }
                yield new Sequence(path, line, items);
            }
            case Scalar scalar -> new Scalar(path, line, scalar.type(), scalar.text());
        };
    }
}
