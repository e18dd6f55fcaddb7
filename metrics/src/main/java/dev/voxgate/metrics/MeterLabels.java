package dev.voxgate.metrics;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.router.state.FailureKind;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The label names and the fixed label values the meters share, and the configured group names a label may take.
 *
 * <p>Immutable and thread-safe.
 */
final class MeterLabels {

    static final String ROUTE = "route";
    static final String MODEL_GROUP = "model_group";
    static final String STATUS = "status";
    static final String DEPLOYMENT = "deployment";
    static final String PROVIDER = "provider";
    static final String OUTCOME = "outcome";
    static final String FROM_GROUP = "from_group";
    static final String TO_GROUP = "to_group";
    /** The outcome of an attempt the deployment answered. */
    static final String SUCCESS = "success";
    /**
     * The group label of a request for a model that is no configured group (a typo, or a {@code provider/model} name):
     * the name is the caller's, so it must not become a label value. Parentheses keep it apart from real group names,
     * which are model names.
     */
    static final String UNKNOWN_GROUP = "(unknown)";
    /**
     * The histogram buckets of request and attempt times, in seconds: a short clip answers in a fraction of a second,
     * a long file in minutes, and a vendor's timeout is usually 10 to 600 s.
     */
    static final Duration[] TIME_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600);

    private final Set<String> groups;

    MeterLabels(Collection<ModelGroup> groups) {
        this.groups = groups.stream().map(ModelGroup::name).collect(Collectors.toUnmodifiableSet());
    }

    /** {@code name} if it is a configured group, else {@link #UNKNOWN_GROUP}. */
    String group(String name) {
        return groups.contains(name) ? name : UNKNOWN_GROUP;
    }

    /** The labels that name a deployment: its group and its id. */
    static Tags deployment(Deployment deployment) {
        return Tags.of(MODEL_GROUP, deployment.modelName(), DEPLOYMENT, deployment.id());
    }

    /** A failure kind as an outcome label value: {@code RATE_LIMIT} is {@code rate_limit}. */
    static String outcome(FailureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static Duration[] seconds(double... bounds) {
        Duration[] durations = new Duration[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(bounds[i] * 1e9));
        }
        return durations;
    }
}
