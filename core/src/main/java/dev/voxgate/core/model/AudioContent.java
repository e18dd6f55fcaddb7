package dev.voxgate.core.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The bytes of an uploaded audio file, readable any number of times so that a retry or a fallback can send
 * them again. Small uploads stay in memory; large ones live in a file that the owner of the request deletes.
 *
 * <p>Immutable and thread-safe; every {@link #open()} returns a fresh stream.
 */
public sealed interface AudioContent permits AudioContent.InMemory, AudioContent.OnDisk, AudioContent.Lent {

    /** The length in bytes. */
    long size();

    /** A new stream over the whole content; the caller closes it. */
    InputStream open() throws IOException;

    /** Content held in memory. The array is not copied: the caller hands it over and no longer changes it. */
    record InMemory(byte[] bytes) implements AudioContent {
        public InMemory {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return "InMemory[" + bytes.length + " bytes]";
        }
    }

    /** Content in a file of the given size. */
    record OnDisk(Path path, long size) implements AudioContent {
        public OnDisk {
            Objects.requireNonNull(path, "path");
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative: " + size);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    /**
     * Content that another component holds and lends for the life of the request, such as the HTTP server's own
     * buffers of an upload: every {@link #open()} asks the lender for a fresh stream, so nothing is copied into the
     * heap. The lender must keep the content readable until the request ends.
     */
    record Lent(long size, Lender lender) implements AudioContent {
        public Lent {
            Objects.requireNonNull(lender, "lender");
            if (size < 0) {
                throw new IllegalArgumentException("size must not be negative: " + size);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return lender.open();
        }

        @Override
        public String toString() {
            return "Lent[" + size + " bytes]";
        }
    }

    /** Opens a fresh stream over the whole of some lent content. */
    @FunctionalInterface
    interface Lender {
        InputStream open() throws IOException;
    }
}
