package dev.voxgate.cli;

import dev.voxgate.cli.Inputs.Input;
import dev.voxgate.core.model.ResponseFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file of a batch and where its transcript goes: beside it, or under {@code --out} at the path the input has
 * below the folder or glob it was found through, named after it with the format's extension.
 *
 * @param input  the audio file
 * @param output the transcript file
 */
record Job(Path input, Path output) {

    /** Whether the output is already there, so that this file counts as done. */
    boolean done() {
        return Files.exists(output);
    }

    /**
     * The jobs for {@code inputs}, in their order.
     *
     * @throws IllegalArgumentException naming both inputs, when two would write the same output (say {@code talk.wav}
     *                                  and {@code talk.mp3}, or two named files with one name under {@code --out})
     */
    static List<Job> plan(List<Input> inputs, Optional<Path> outDir, ResponseFormat format) {
        Map<Path, Path> writers = new HashMap<>();
        return inputs.stream().map(input -> {
            Path folder = outDir.map(out -> parentOf(out.resolve(input.relative())))
                    .orElseGet(() -> parentOf(input.file()));
            Path output = folder.resolve(stem(input.file()) + extension(format));
            Path other = writers.putIfAbsent(output.toAbsolutePath().normalize(), input.file());
            if (other != null) {
                throw new IllegalArgumentException(other + " and " + input.file() + " would both be written to "
                        + output + "; rename one, or transcribe them separately with different --out folders");
            }
            return new Job(input.file(), output);
        }).toList();
    }

    /** The file extension for transcripts in {@code format}; verbose_json is told apart from json so both can stay. */
    static String extension(ResponseFormat format) {
        return switch (format) {
            case JSON -> ".json";
            case VERBOSE_JSON -> ".verbose.json";
            case DIARIZED_JSON -> ".diarized.json";
            case TEXT -> ".txt";
            case SRT -> ".srt";
            case VTT -> ".vtt";
        };
    }

    private static Path parentOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of("") : parent;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
