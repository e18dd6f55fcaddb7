package dev.voxgate.local.internal.vosk;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Vosk's native library for this platform, which its jar carries ({@code linux-x86-64/libvosk.so}, 26 MB). Left to
 * itself JNA copies it out of the jar into a temporary file on every start, before the model can load; this copies it
 * once into {@code <cache>/native/vosk-<size>-<crc>/} (the jar entry's size and checksum name the version) and points
 * JNA there. Where the platform's library is not in the jar in that shape (Windows,
 * macOS) or the copy cannot be made, JNA finds the library as before.
 *
 * <p>Thread-safe.
 */
public final class BundledLibrary {

    private static final String NAME = "vosk";
    private static final Object COPYING = new Object();

    private BundledLibrary() {
    }

    /** Points JNA at the copy of the library under {@code cacheRoot}, copying it there first when it is missing. */
    public static void useCopyUnder(Path cacheRoot) {
        if (Platform.isWindows()) {
            return;
        }
        String fileName = System.mapLibraryName(NAME);
        URL resource = BundledLibrary.class.getClassLoader().getResource(Platform.RESOURCE_PREFIX + "/" + fileName);
        if (resource == null) {
            return;
        }
        try {
            URLConnection entry = resource.openConnection();
            long size = entry.getContentLengthLong();
            // The entry's checksum, not its time: a rebuilt jar carries the same library with a new time.
            long crc = entry instanceof JarURLConnection jar ? jar.getJarEntry().getCrc() : 0;
            Path folder = cacheRoot.resolve("native").resolve(NAME + "-" + size + "-" + Long.toHexString(crc));
            Path library = folder.resolve(fileName);
            synchronized (COPYING) {
                if (!Files.isRegularFile(library) || Files.size(library) != size) {
                    copy(resource, folder, library);
                }
            }
            NativeLibrary.addSearchPath(NAME, folder.toString());
        } catch (IOException e) {
            // JNA copies it out of the jar itself, as it would without this.
        }
    }

    // Written aside and renamed into place, so that a process never loads half a library another is still writing.
    private static void copy(URL resource, Path folder, Path library) throws IOException {
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "." + library.getFileName(), ".partial");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
