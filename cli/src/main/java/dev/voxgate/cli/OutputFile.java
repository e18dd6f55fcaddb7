package dev.voxgate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a transcript so that its file is either absent or whole: the text goes to a hidden temp file beside it
 * ({@code .talk.srt.part}), which is then renamed over the output in one step. A run stopped while writing (Ctrl-C,
 * a full disk) leaves no half-written output, so the next run sees the file as not done and redoes it; the temp
 * name is fixed per output, so a run killed outright leaves at most one stray {@code .part} per file, which the next
 * run of that file overwrites.
 *
 * <p>Stateless and thread-safe; two writers of one output must not run at once, which {@link Job#plan} ensures.
 */
final class OutputFile {

    private OutputFile() {
    }

    /** The temp file {@code output} is written through. */
    static Path temp(Path output) {
        return output.resolveSibling("." + output.getFileName() + ".part");
    }

    /**
     * Writes {@code text} to {@code output} through its temp file, creating missing folders.
     *
     * @throws IOException when it cannot; then neither the temp file nor a partial output is left
     */
    static void write(Path output, String text) throws IOException {
        Path temp = temp(output);
        boolean moved = false;
        try {
            Path folder = output.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            // Same folder, same file system: the rename is atomic, and replaces what --force redoes.
            Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
