package dev.voxgate.config.litellm;

import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.router.ChunkingSettings;
import java.util.Map;

/**
 * Reads {@code router_settings.chunking}: {@code true} or {@code false}, or a map of its settings
 * ({@code enabled}, {@code max_parallel}, {@code overlap_seconds}, {@code silence_search_seconds},
 * {@code silence_threshold_db}, {@code prompt_chain}, {@code ffmpeg_path}, {@code max_decoded_seconds}), each
 * defaulting as {@link ChunkingSettings#defaults()} does.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class ChunkingReader {

    private final ValueReader values;

    ChunkingReader(ValueReader values) {
        this.values = values;
    }

    ChunkingSettings read(YamlNode node) {
        ChunkingSettings.Builder builder = ChunkingSettings.builder();
        if (node instanceof Scalar) {
            values.flag(node).ifPresent(builder::enabled);
            return builder.build();
        }
        Mapping mapping = values.mapping(node, "true, false, or a map such as {max_parallel: 4, overlap_seconds: 1}");
        for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
            YamlNode value = entry.getValue();
            switch (entry.getKey()) {
                case "enabled" -> values.flag(value).ifPresent(builder::enabled);
                case "max_parallel" -> values.count(value).ifPresent(builder::maxParallel);
                case "overlap_seconds" -> values.seconds(value, true).ifPresent(builder::overlap);
                case "silence_search_seconds" -> values.seconds(value, true).ifPresent(builder::silenceSearch);
                case "silence_threshold_db" -> values.decimal(value).ifPresent(builder::silenceThreshold);
                case "prompt_chain" -> values.flag(value).ifPresent(builder::promptChain);
                case "ffmpeg_path" -> values.text(value).ifPresent(builder::ffmpegPath);
                case "max_decoded_seconds" -> values.seconds(value, false).ifPresent(builder::maxDecoded);
                default -> values.ignore(value);
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw values.error(node, e.getMessage());
        }
    }
}
