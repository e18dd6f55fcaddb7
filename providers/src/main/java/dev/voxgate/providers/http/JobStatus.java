package dev.voxgate.providers.http;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a vendor's job stands, as its last answer said.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface JobStatus {

    /** Queued or processing: poll again. */
    JobStatus RUNNING = new Running();

    /** The transcript is ready. */
    JobStatus COMPLETED = new Completed();

    /** Still queued or processing. */
    record Running() implements JobStatus {
    }

    /** Done, with a transcript to read. */
    record Completed() implements JobStatus {
    }

    /**
     * Ended without a transcript.
     *
     * @param vendorMessage what the vendor said went wrong (redacted of the key before a caller sees it)
     * @param vendorFault   whether the vendor itself failed (a server error, worth another attempt), rather than the
     *                      audio or the request (an unreadable file, which another attempt would fail just the same)
     */
    record Failed(String vendorMessage, boolean vendorFault) implements JobStatus {
        private static final Pattern VENDOR_FAULT = Pattern.compile("(?i)server error|internal|try again");

        public Failed {
            Objects.requireNonNull(vendorMessage, "vendorMessage");
        }
    }

    /**
     * A job that ended in error saying {@code vendorMessage}: the vendor's fault when it says so (a server or internal
     * error, or to try again, which is what AssemblyAI and Soniox say when they failed), the audio's otherwise (an
     * unsupported or empty file, no speech).
     */
    static Failed failed(String vendorMessage) {
        return new Failed(vendorMessage, Failed.VENDOR_FAULT.matcher(vendorMessage).find());
    }

    /** Whether the job has ended, either way. */
    default boolean ended() {
        return !(this instanceof Running);
    }
}
