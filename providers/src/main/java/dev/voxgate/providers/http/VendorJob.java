package dev.voxgate.providers.http;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamTimeout;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A vendor call made of several HTTP calls, for the vendors that transcribe a file as a job: {@link JobSteps} start
 * the job (upload, create), then it is polled until it ends, with a back-off from {@value #FIRST_WAIT_MS} ms doubling
 * to {@value #MAX_WAIT_MS} ms that a {@code Retry-After} lengthens, and its transcript is read. The whole job is one
 * attempt for the router: it ends by the deployment's {@code timeout}, measured from the start on the injected
 * clock, and when the router's own attempt timeout interrupts the thread (a cancelled call likewise); either way it
 * fails with {@code UpstreamTimeout}. A poll that fails for a passing reason (429, 5xx, the vendor out of reach) is
 * polled again rather than failing the attempt, which would upload the audio again; {@value #MAX_POLL_FAILURES} in a
 * row fail it. Whatever the outcome, every copy the call left at the vendor ({@link Leftovers}) is deleted
 * afterwards on {@link JobRuntime#cleanUp()}; a job abandoned while still running is first awaited there (for up to
 * {@value #CLEAN_UP_MINUTES} minutes), as vendors refuse to delete a running job.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <J> the vendor's job as its last answer described it
 */
public final class VendorJob<J extends JobSteps.Snapshot> implements UpstreamExchange {

    private static final Logger LOG = LoggerFactory.getLogger(VendorJob.class);
    static final long FIRST_WAIT_MS = 250;
    static final long MAX_WAIT_MS = 4_000;
    static final int MAX_POLL_FAILURES = 5;
    static final long CLEAN_UP_MINUTES = 15;
    // Longer than this, a vendor asks us to go away: the attempt fails rate-limited and the router cools it down.
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(1);

    private final JobSteps<J> steps;
    private final JobRuntime runtime;

    public VendorJob(JobSteps<J> steps, JobRuntime runtime) {
        this.steps = Objects.requireNonNull(steps, "steps");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    @Override
    public Transcription transcribe(Deployment deployment, VettedRequest request, UpstreamCalls calls) {
        Instant started = runtime.clock().instant();
        Leftovers leftovers = new Leftovers(calls.describe());
        Latest<J> latest = new Latest<>();
        try {
            latest.job = steps.start(deployment, request, calls, leftovers);
            untilEnded(latest, calls, deployment.timeout().map(started::plus), started);
            if (latest.job.status() instanceof JobStatus.Failed failed) {
                throw new TranscriptionException(calls.jobFailed(latest.job.id(), failed));
            }
            return steps.result(latest.job, request, calls);
        } finally {
            cleanUp(latest.job, leftovers, calls);
        }
    }

    /**
     * Polls until the job has ended, keeping its last state in {@code latest}.
     *
     * @throws TranscriptionException when the deadline passes or the thread is interrupted first, or a poll fails for
     *                                good
     */
    private void untilEnded(Latest<J> latest, UpstreamCalls calls, Optional<Instant> deadline, Instant started) {
        long nextWait = FIRST_WAIT_MS;
        int failures = 0;
        Duration retryAfter = Duration.ZERO;
        while (!latest.job.status().ended()) {
            J job = latest.job;
            Duration wait = max(Duration.ofMillis(nextWait), retryAfter);
            nextWait = Math.min(nextWait * 2, MAX_WAIT_MS);
            if (deadline.isPresent()) {
                Duration left = Duration.between(runtime.clock().instant(), deadline.get());
                if (!left.isPositive()) {
                    throw new TranscriptionException(new UpstreamTimeout(calls.describe() + ": job "
                            + job.id() + " had not ended " + Duration.between(started, deadline.get()).toMillis()
                            + " ms after it was started (the deployment's timeout)"));
                }
                wait = wait.compareTo(left) < 0 ? wait : left;
            }
            sleep(job, wait, calls);
            try {
                latest.job = steps.poll(job, calls);
                failures = 0;
                retryAfter = Duration.ZERO;
            } catch (TranscriptionException e) {
                if (Thread.currentThread().isInterrupted() || !passing(e.failure()) || ++failures > MAX_POLL_FAILURES) {
                    throw e;
                }
                retryAfter = retryAfter(e.failure());
                LOG.debug("{}: polling job {} failed, polling again: {}", calls.describe(), job.id(),
                        e.failure().message());
            }
        }
    }

    private void sleep(J job, Duration wait, UpstreamCalls calls) {
        try {
            runtime.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            // The router's attempt timeout, or the caller cancelling: the router sees the interrupt and decides.
            Thread.currentThread().interrupt();
            throw new TranscriptionException(new UpstreamTimeout(calls.describe() + ": the wait for job "
                    + job.id() + " was interrupted (the attempt timed out or was cancelled)"), e);
        }
    }

    private static boolean passing(TranscriptionFailure failure) {
        return switch (failure) {
            case RateLimited limited -> limited.retryAfter().map(wait -> wait.compareTo(LONGEST_RETRY_AFTER) <= 0)
                    .orElse(true);
            case UpstreamUnavailable unavailable -> true;
            default -> false;
        };
    }

    private static Duration retryAfter(TranscriptionFailure failure) {
        return failure instanceof RateLimited limited ? limited.retryAfter().orElse(Duration.ZERO) : Duration.ZERO;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void cleanUp(J job, Leftovers leftovers, UpstreamCalls calls) {
        if (leftovers.isEmpty()) {
            return;
        }
        J running = job != null && !job.status().ended() ? job : null;
        runtime.cleanUp().execute(() -> {
            if (running != null) {
                awaitAbandoned(running, calls);
            }
            leftovers.deleteAll(calls);
        });
    }

    private void awaitAbandoned(J job, UpstreamCalls calls) {
        Instant now = runtime.clock().instant();
        Latest<J> latest = new Latest<>();
        latest.job = job;
        try {
            untilEnded(latest, calls, Optional.of(now.plus(Duration.ofMinutes(CLEAN_UP_MINUTES))), now);
        } catch (TranscriptionException stillRunning) {
            LOG.warn("{}: job {} was abandoned and has not ended; deleting it anyway: {}", calls.describe(),
                    job.id(), stillRunning.failure().message());
        }
    }

    /** The job as its last answer described it; one call's, on one thread. */
    private static final class Latest<J extends JobSteps.Snapshot> {
        private J job;
    }
}
