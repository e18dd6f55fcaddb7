package dev.voxgate.config.litellm;

import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Sequence;
import dev.voxgate.core.model.CapabilityOverrides;
import dev.voxgate.core.model.ResponseFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a deployment's corrections to what its provider is known to serve from its {@code model_info}:
 * {@code supported_response_formats}, {@code supported_params} (lists), {@code supports_streaming},
 * {@code supports_translation}, {@code supports_word_timestamps}, {@code supports_segment_timestamps},
 * {@code supports_diarization} (booleans), {@code max_audio_seconds} (seconds).
 *
 * <p>Not thread-safe; one instance per file.
 */
final class CapabilityOverridesReader {

    /** The {@code model_info} keys read here. */
    static final Set<String> KEYS = Set.of("supported_response_formats", "supported_params", "supports_streaming",
            "supports_translation", "supports_word_timestamps", "supports_segment_timestamps",
            "supports_diarization", "max_audio_seconds");

    private final ValueReader values;

    CapabilityOverridesReader(ValueReader values) {
        this.values = values;
    }

    CapabilityOverrides read(Mapping info) {
        Map<String, YamlNode> entries = info.entries();
        return new CapabilityOverrides(
                list(entries.get("supported_response_formats"), this::format).map(Set::copyOf),
                flag(entries.get("supports_streaming")),
                flag(entries.get("supports_translation")),
                flag(entries.get("supports_word_timestamps")),
                flag(entries.get("supports_segment_timestamps")),
                flag(entries.get("supports_diarization")),
                Optional.ofNullable(entries.get("max_audio_seconds")).flatMap(node -> values.seconds(node, false)),
                list(entries.get("supported_params"), this::param));
    }

    private Optional<Boolean> flag(YamlNode node) {
        return node == null ? Optional.empty() : values.flag(node);
    }

    private <T> Optional<Set<T>> list(YamlNode node, Function<YamlNode, T> item) {
        if (node == null) {
            return Optional.empty();
        }
        Sequence sequence = values.sequence(node, "a list such as [json, text, srt]");
        Set<T> read = new LinkedHashSet<>();
        sequence.items().forEach(entry -> read.add(item.apply(entry)));
        return Optional.of(read);
    }

    private ResponseFormat format(YamlNode node) {
        String name = values.literal(node);
        return ResponseFormat.fromWireName(name).orElseThrow(() -> values.error(node, "unknown response format '"
                + name + "': write any of " + ResponseFormat.wireNames()));
    }

    private String param(YamlNode node) {
        String name = values.literal(node).strip();
        if (name.isEmpty()) {
            throw values.error(node, "an empty parameter name: write names such as language, prompt, keywords");
        }
        return name;
    }

}
