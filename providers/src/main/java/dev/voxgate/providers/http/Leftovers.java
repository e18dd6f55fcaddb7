package dev.voxgate.providers.http;

import dev.voxgate.core.error.TranscriptionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The copies one call left at a vendor (an uploaded file, a job), each with the call that deletes it. They are
 * deleted newest first (a job before the file it reads), each on its own: one that cannot be deleted is logged, with
 * the vendor's redacted words, and the others are still deleted.
 *
 * <p>Not thread-safe: filled by the call's thread, then handed whole to the clean-up.
 */
public final class Leftovers {

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private final String owner;
    private final List<Copy> copies = new ArrayList<>();

    private record Copy(String what, Consumer<UpstreamCalls> delete) {
    }

    Leftovers(String owner) {
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** {@code what} (e.g. {@code file 3f2a…}) now exists at the vendor; {@code delete} removes it. */
    public void add(String what, Consumer<UpstreamCalls> delete) {
        copies.add(new Copy(Objects.requireNonNull(what, "what"), Objects.requireNonNull(delete, "delete")));
    }

    boolean isEmpty() {
        return copies.isEmpty();
    }

    /** Deletes every copy, newest first, logging each that could not be deleted. */
    void deleteAll(UpstreamCalls calls) {
        for (Copy copy : copies.reversed()) {
            try {
                copy.delete().accept(calls);
                LOG.debug("{}: deleted {}", owner, copy.what());
            } catch (TranscriptionException e) {
                LOG.warn("{}: could not delete {} at the vendor, delete it there: {}", owner, copy.what(),
                        e.failure().message());
            }
        }
    }
}
