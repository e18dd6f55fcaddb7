package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.router.CallOptions;
import dev.voxgate.router.RouterSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Routes one call of any kind: resolves the model name, runs the group's attempts (with retries, cooldowns and
 * timeouts), then walks the fallback groups, each with retries of its own, all within the call's deadline. The
 * call itself is a function of the chosen deployment and its endpoint, so transcription, translation or whatever
 * an embedding product routes share this machinery.
 *
 * <p>Thread-safe: one engine serves any number of concurrent calls, with no lock on the way.
 *
 * @param <P> the endpoint type the call is made on
 */
public final class RoutingEngine<P> {

    private final Routes<P> routes;
    private final RouterSettings settings;
    private final GroupRetries groups;

    public RoutingEngine(Routes<P> routes, RoutingContext context) {
        this.routes = routes;
        this.settings = context.settings();
        this.groups = new GroupRetries(context);
    }

    /**
     * Makes {@code call} on a deployment of {@code model}.
     *
     * @return what the first successful attempt returned
     * @throws TranscriptionException when every attempt and fallback failed, or the call ran out of time
     */
    public <T> T execute(String model, CallOptions options, BiFunction<Deployment, P, T> call) {
        Route<P> primary = routes.require(model);
        Deadline deadline = Deadline.start(options.timeout());
        int retries = options.numRetries().orElse(settings.numRetries());
        List<String> fallbacks = Fallbacks.targets(primary.name(), options, settings);
        try {
            TranscriptionException failure;
            if (options.mockTestingFallbacks()) {
                failure = Fallbacks.mockFailure(primary.name(), fallbacks);
            } else {
                try {
                    return groups.run(primary, retries, deadline, call);
                } catch (TranscriptionException e) {
                    failure = e;
                }
            }
            return fallBack(primary, failure, fallbacks, retries, deadline, call);
        } catch (CallEnded ended) {
            throw ended.failure();
        }
    }

    private <T> T fallBack(Route<P> primary, TranscriptionException failure, List<String> fallbacks, int retries,
                           Deadline deadline, BiFunction<Deployment, P, T> call) {
        if (!Fallbacks.mayHelp(failure.failure())) {
            throw failure;
        }
        List<String> outcomes = new ArrayList<>();
        int tried = 0;
        for (String name : fallbacks) {
            if (tried == settings.maxFallbacks()) {
                break;
            }
            // A "*" list may name the failing group itself; trying it again would only repeat its failure.
            if (name.equals(primary.name())) {
                continue;
            }
            Optional<Route<P>> route = fallbackRoute(name, outcomes);
            if (route.isEmpty()) {
                continue;
            }
            tried++;
            try {
                return groups.run(route.get(), retries, deadline, call);
            } catch (TranscriptionException e) {
                outcomes.add(name + " → " + e.getMessage());
            }
        }
        throw Fallbacks.exhausted(failure, outcomes);
    }

    /** The route of a fallback name; when there is none, why not is added to {@code outcomes}. */
    private Optional<Route<P>> fallbackRoute(String name, List<String> outcomes) {
        try {
            Optional<Route<P>> route = routes.find(name);
            if (route.isEmpty()) {
                outcomes.add(name + " → unknown model group");
            }
            return route;
        } catch (TranscriptionException e) {
            // Connecting a provider/model name can fail (unknown provider); that is this fallback's outcome.
            outcomes.add(name + " → " + e.getMessage());
            return Optional.empty();
        }
    }
}
