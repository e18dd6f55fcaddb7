package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionFailure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the router did for one call: the groups it tried, every attempt, and the time spent. A successful call's
 * report comes with its {@link Routed} result; a failed call's with its {@link RoutedTranscriptionException}.
 * Times are read from the router's clock (so a fake clock in tests makes them exact); the provider's share is the
 * sum of the attempts, the router's overhead the rest (picking, state, back-off waits).
 *
 * @param requestedModel the model name the caller asked for
 * @param modelGroup     the group that answered; on failure the last group tried (the requested one if none was)
 * @param deploymentId   the deployment that answered; empty on failure
 * @param attempts       every provider call made, in order, across the requested group and its fallbacks
 * @param fallbacks      the fallback groups tried, in order (groups skipped as unknown are not among them)
 * @param leftOut        the deployments left out of the call before any pick, as unable to serve the request
 * @param totalTime      from the call's start to its end
 * @param providerTime   spent inside provider calls
 * @param chunks         for an upload cut into chunks, each chunk's own call, in the audio's order; then the
 *                       attempts, fallbacks and left-out deployments above are all of theirs together, and the
 *                       group and deployment those of the last chunk; empty for a call made whole
 *
 * <p>Immutable and thread-safe.
 */
public record RoutingReport(
        String requestedModel,
        String modelGroup,
        Optional<String> deploymentId,
        List<Attempt> attempts,
        List<String> fallbacks,
        List<LeftOut> leftOut,
        Duration totalTime,
        Duration providerTime,
        List<Chunk> chunks) {

    public RoutingReport {
        Objects.requireNonNull(requestedModel, "requestedModel");
        Objects.requireNonNull(modelGroup, "modelGroup");
        Objects.requireNonNull(deploymentId, "deploymentId");
        attempts = List.copyOf(attempts);
        fallbacks = List.copyOf(fallbacks);
        leftOut = List.copyOf(leftOut);
        Objects.requireNonNull(totalTime, "totalTime");
        Objects.requireNonNull(providerTime, "providerTime");
        chunks = List.copyOf(chunks);
    }

    /** The report of a call made whole, not in chunks. */
    public RoutingReport(String requestedModel, String modelGroup, Optional<String> deploymentId,
                         List<Attempt> attempts, List<String> fallbacks, List<LeftOut> leftOut, Duration totalTime,
                         Duration providerTime) {
        this(requestedModel, modelGroup, deploymentId, attempts, fallbacks, leftOut, totalTime, providerTime,
                List.of());
    }

    /**
     * Attempts beyond the first of each group that had one: what LiteLLM reports as
     * {@code x-litellm-attempted-retries}; for a chunked call, the chunks' retries together.
     */
    public int retries() {
        if (!chunks.isEmpty()) {
            return chunks.stream().mapToInt(chunk -> chunk.report().retries()).sum();
        }
        long groups = attempts.stream().map(Attempt::group).distinct().count();
        return attempts.size() - (int) groups;
    }

    /**
     * What the vendors were paid for this call, in US dollars: the sum of every attempt's cost ({@link Attempt#cost()}),
     * so a call answered after a retry costs what each vendor billed. Zero when no price is known (see
     * {@code PriceTable}).
     */
    public BigDecimal cost() {
        return attempts.stream().map(Attempt::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The audio's length as the answering attempt billed it, for a chunked call the sum of the chunks'; empty on
     * failure or when nobody said.
     */
    public Optional<Double> audioSeconds() {
        if (!chunks.isEmpty()) {
            List<Optional<Double>> each = chunks.stream().map(chunk -> chunk.report().audioSeconds()).toList();
            return each.stream().allMatch(Optional::isPresent)
                    ? Optional.of(each.stream().mapToDouble(Optional::get).sum()) : Optional.empty();
        }
        return deploymentId.isEmpty() ? Optional.empty() : attempts.getLast().audioSeconds();
    }

    /** How many fallback groups were tried: LiteLLM's {@code x-litellm-attempted-fallbacks}. */
    public int fallbacksTried() {
        return fallbacks.size();
    }

    /** The router's own share of {@link #totalTime()}: the total less the time inside provider calls. */
    public Duration overhead() {
        Duration overhead = totalTime.minus(providerTime);
        return overhead.isNegative() ? Duration.ZERO : overhead;
    }

    /**
     * One chunk of an upload cut into chunks, and its call.
     *
     * @param index        its place in the audio, from 0
     * @param startSeconds where it starts in the whole upload's audio
     * @param endSeconds   where it ends
     * @param report       its call, routed on its own
     */
    public record Chunk(int index, double startSeconds, double endSeconds, RoutingReport report) {
        public Chunk {
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * A deployment that was not offered the call, because it cannot serve what the request asks: it was not called,
     * its limits were not touched, and it was not counted as failing.
     *
     * @param group        the group it belongs to
     * @param deploymentId the deployment
     * @param lacks        what it lacks, each a short phrase such as {@code response_format=srt (it gives json, text)}
     */
    public record LeftOut(String group, String deploymentId, List<String> lacks) {
        public LeftOut {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(deploymentId, "deploymentId");
            lacks = List.copyOf(lacks);
        }

        /** {@code id (lack; lack)}, as messages and headers write it. */
        public String describe() {
            return deploymentId + " (" + String.join("; ", lacks) + ")";
        }
    }

    /**
     * One provider call.
     *
     * @param group        the group it was made for
     * @param deploymentId the deployment called
     * @param duration     how long the call took
     * @param failure      why it failed; empty when it answered
     * @param audioSeconds the audio's length the answer stands for (the vendor's, else the file header's); empty when
     *                     it failed or nobody knew
     * @param cost         US dollars the vendor charges for it: billed seconds times the deployment's price; zero when
     *                     it failed (vendors bill answered calls) or its price is unknown
     */
    public record Attempt(String group, String deploymentId, Duration duration,
                          Optional<TranscriptionFailure> failure, Optional<Double> audioSeconds, BigDecimal cost) {
        public Attempt {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(deploymentId, "deploymentId");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(audioSeconds, "audioSeconds");
            if (Objects.requireNonNull(cost, "cost").signum() < 0) {
                throw new IllegalArgumentException("cost must not be negative, was " + cost.toPlainString());
            }
        }

        /** A failed attempt: no audio billed, no cost. */
        public static Attempt failed(String group, String deploymentId, Duration duration,
                                     TranscriptionFailure failure) {
            return new Attempt(group, deploymentId, duration, Optional.of(failure), Optional.empty(), BigDecimal.ZERO);
        }
    }
}
