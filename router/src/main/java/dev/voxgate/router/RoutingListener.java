package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.state.FailureKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Hears everything a {@link Router} does, as OkHttp's {@code EventListener} does for HTTP calls: each attempt's start
 * and end, each deployment put to rest, each fallback taken, and the end of each request. Metrics, access logs and
 * traces hang on it; register one with {@code Router.builder().listener(...)} (several are called in the order they
 * were registered). Every method does nothing by default, so a listener overrides only what it needs.
 *
 * <p>Methods are called on the routing thread, in the order things happen within one call, and should return
 * quickly: a slow listener slows the call. A listener that throws does not fail the call: the router logs the
 * exception (through {@link System.Logger}) and goes on. Times are read from the router's clock.
 *
 * <p>Implementations are thread-safe: one listener hears every concurrent call of its router.
 */
public interface RoutingListener {

    /** A deployment was picked and its limits admitted the attempt; its provider is being called. */
    default void attemptStarted(AttemptStarted event) {
    }

    /** A provider call ended: answered, failed, or cut short by the call's deadline or an interrupt. */
    default void attemptEnded(AttemptEnded event) {
    }

    /** A deployment was put to rest (cooled down) after a failure; no call picks it until {@code until}. */
    default void deploymentRested(DeploymentRested event) {
    }

    /** A group failed (or {@code mock_testing_fallbacks} made it fail) and the call moves on to a fallback group. */
    default void fallbackTaken(FallbackTaken event) {
    }

    /** A request ended, answered or failed; its report says everything the router did for it. */
    default void requestEnded(RequestEnded event) {
    }

    /**
     * The router hands {@code task} from the routing thread to a thread of its own: an attempt of a caller on a
     * platform thread (a virtual caller makes its attempts itself), or a {@code routeAsync} call. Called on the
     * routing thread; what it returns runs in the task's stead, so a listener whose state is bound to the thread
     * carries it across, as {@code task -> Context.current().wrap(task)} does a trace context. Must run the task;
     * returns it as it is by default.
     */
    default Runnable handoff(Runnable task) {
        return task;
    }

    /**
     * @param group             the model group (or {@code provider/model} name) the attempt is made for
     * @param deployment        the deployment called; {@link Deployment#provider()} names its provider
     * @param callerCredentials whether the attempt runs on the caller's own {@link CallOptions#credentials()}
     */
    record AttemptStarted(String group, Deployment deployment, boolean callerCredentials) {
        public AttemptStarted {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(deployment, "deployment");
        }
    }

    /**
     * @param group             the model group (or {@code provider/model} name) the attempt was made for
     * @param deployment        the deployment called; {@link Deployment#provider()} names its provider
     * @param callerCredentials whether it ran on the caller's own credentials, in which case a failure neither counts
     *                          against the deployment nor rests it
     * @param latency           how long the provider call took
     * @param failure           why it failed; empty when the deployment answered
     * @param audioSeconds      the audio's length the answer stands for; empty when it failed or nobody knew
     * @param cost              US dollars the vendor charges for it ({@link RoutingReport.Attempt#cost()})
     */
    record AttemptEnded(String group, Deployment deployment, boolean callerCredentials, Duration latency,
                        Optional<TranscriptionFailure> failure, Optional<Double> audioSeconds, BigDecimal cost) {
        public AttemptEnded {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(deployment, "deployment");
            if (Objects.requireNonNull(latency, "latency").isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + latency);
            }
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(audioSeconds, "audioSeconds");
            Objects.requireNonNull(cost, "cost");
        }

        /** The kind the failure is counted under ({@link FailureDisposition#kind()}); empty when it answered. */
        public Optional<FailureKind> failureKind() {
            return failure.map(value -> FailureDisposition.of(value).kind());
        }
    }

    /**
     * @param group      the group whose call failed on it
     * @param deployment the deployment that rests
     * @param until      when it is available again
     * @param rest       how long it rests: its {@code cooldown_time}, or the provider's {@code Retry-After} if longer
     * @param failure    the failure that put it to rest
     * @param reason     which cooldown rule decided, e.g. {@code failures this minute (4) exceed allowed_fails 3}
     */
    record DeploymentRested(String group, Deployment deployment, Instant until, Duration rest,
                            TranscriptionFailure failure, String reason) {
        public DeploymentRested {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(rest, "rest");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * @param fromGroup the group that failed: the requested one, or the fallback tried before
     * @param toGroup   the fallback group tried next
     * @param failure   why {@code fromGroup} failed
     */
    record FallbackTaken(String fromGroup, String toGroup, TranscriptionFailure failure) {
        public FallbackTaken {
            Objects.requireNonNull(fromGroup, "fromGroup");
            Objects.requireNonNull(toGroup, "toGroup");
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * @param task         a transcription or a translation
     * @param streaming    whether the transcript was streamed
     * @param report       what the router did: the requested model ({@link RoutingReport#requestedModel()}), the
     *                     group and deployment that answered, every attempt, the fallbacks, the total time
     * @param failure      why the request failed, as its caller sees it; empty when it was answered
     * @param audioSeconds the audio's length, when the answer or the file's header gave it
     */
    record RequestEnded(AudioTask task, boolean streaming, RoutingReport report, Optional<TranscriptionFailure> failure,
                        Optional<Double> audioSeconds) {
        public RequestEnded {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(audioSeconds, "audioSeconds").filter(seconds -> seconds < 0).ifPresent(seconds -> {
                throw new IllegalArgumentException("audioSeconds must not be negative, was " + seconds);
            });
        }
    }
}
