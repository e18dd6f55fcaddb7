package dev.voxgate.cli;

import dev.voxgate.core.model.AudioInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the command line names, as audio files: a file is taken as it is, a folder for every audio file under it
 * (recursively, by extension, leaving out dot files and folders), and a glob ({@code 'talks/**&#47;*.mp3'}, quoted
 * so that the shell leaves it) for every file it matches. Each comes with the path it has below the folder or the glob's fixed part, so that outputs
 * written elsewhere keep the folder structure and two {@code intro.wav} in different folders do not collide.
 *
 * <p>Stateless and thread-safe.
 */
final class Inputs {

    private Inputs() {
    }

    /**
     * One audio file to transcribe.
     *
     * @param file     the file as it was found
     * @param relative its path below the folder or glob it was found through; its own name when named directly
     */
    record Input(Path file, Path relative) {
    }

    /**
     * Every file the arguments name, each once, in the order given (a folder's or glob's files sorted by path).
     *
     * @throws IllegalArgumentException naming the argument, when one is neither a file, a folder nor a glob that
     *                                  matches a file
     */
    static List<Input> expand(List<String> arguments) {
        Map<Path, Input> found = new LinkedHashMap<>();
        for (String argument : arguments) {
            List<Input> inputs = isGlob(argument) ? glob(argument) : path(argument);
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException(isGlob(argument) ? "no file matches " + argument
                        : "no audio files under " + argument);
            }
            inputs.forEach(input -> found.putIfAbsent(input.file().toAbsolutePath().normalize(), input));
        }
        return List.copyOf(found.values());
    }

    private static List<Input> path(String argument) {
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            return walk(path, file -> isAudio(file) && !isHidden(path.relativize(file)));
        }
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("no such file or folder: " + argument);
        }
        return List.of(new Input(path, path.getFileName()));
    }

    // The fixed part before the first wildcard is where the walk starts, and what outputs keep the structure below.
    private static List<Input> glob(String argument) {
        String separator = FileSystems.getDefault().getSeparator();
        int wildcard = firstWildcard(argument);
        int cut = Math.max(argument.lastIndexOf('/', wildcard), argument.lastIndexOf(separator, wildcard));
        Path base = Path.of(cut < 0 ? "." : argument.substring(0, cut + 1));
        String pattern = argument.substring(cut + 1);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        // As in bash's globstar and zsh, **/ matches no folder too: talks/**/*.mp3 takes talks/a.mp3.
        PathMatcher here = pattern.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)) : matcher;
        return walk(base, file -> matcher.matches(base.relativize(file)) || here.matches(base.relativize(file)));
    }

    private static List<Input> walk(Path folder, PathMatcher accepted) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Input> inputs = new ArrayList<>();
            files.filter(Files::isRegularFile).filter(accepted::matches).sorted()
                    .forEach(file -> inputs.add(new Input(file, folder.relativize(file))));
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    // A folder holds notes, images and transcripts too; its audio is what has an audio file's extension.
    private static boolean isAudio(Path file) {
        return !AudioInput.contentTypeFor(file.getFileName().toString()).equals("application/octet-stream");
    }

    // Dot files and folders hold what tools keep for themselves (macOS's ._talk.wav, a .git), not recordings.
    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    // A file whose name has a bracket in it is still that file.
    private static boolean isGlob(String argument) {
        return firstWildcard(argument) < argument.length() && !Files.exists(Path.of(argument));
    }

    private static int firstWildcard(String argument) {
        for (int i = 0; i < argument.length(); i++) {
            if ("*?[{".indexOf(argument.charAt(i)) >= 0) {
                return i;
            }
        }
        return argument.length();
    }
}
