package dev.voxgate.router.internal;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.router.CallOptions;
import dev.voxgate.router.Routed;
import dev.voxgate.router.RoutedTranscriptionException;
import dev.voxgate.router.RouterSettings;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Routes one call of any kind: resolves the model name, runs the group's attempts (with retries, cooldowns and
 * timeouts), then walks the fallback groups, each with retries of its own, all within the call's deadline, and
 * reports what it did. The call itself is a function of the chosen deployment and its endpoint, so transcription,
 * translation or whatever an embedding product routes share this machinery.
 *
 * <p>Thread-safe: one engine serves any number of concurrent calls, with no lock on the way.
 *
 * @param <P> the endpoint type the call is made on
 */
public final class RoutingEngine<P> {

    private final Routes<P> routes;
    private final RouterSettings settings;
    private final InstantSource clock;
    private final GroupRetries groups;

    public RoutingEngine(Routes<P> routes, RoutingContext context) {
        this.routes = routes;
        this.settings = context.settings();
        this.clock = context.clock();
        this.groups = new GroupRetries(context);
    }

    /**
     * Makes {@code call} on a deployment of {@code model}.
     *
     * @return what the first successful attempt returned, with the report of the routing
     * @throws RoutedTranscriptionException when every attempt and fallback failed, or the call ran out of time
     */
    public <T> Routed<T> execute(String model, CallOptions options, RoutedCall<P, T> call) {
        CallTrace trace = new CallTrace(model, clock);
        try {
            T value = route(model, options, call, trace);
            return new Routed<>(value, trace.report());
        } catch (CallEnded ended) {
            throw new RoutedTranscriptionException(ended.failure(), trace.report());
        } catch (TranscriptionException e) {
            throw new RoutedTranscriptionException(Fallbacks.forCaller(e), trace.report());
        }
    }

    private <T> T route(String model, CallOptions options, RoutedCall<P, T> call, CallTrace trace) {
        Route<P> primary = routes.require(model);
        Deadline deadline = Deadline.start(deadline(options));
        RetryRules rules = new RetryRules(options.numRetries().orElse(settings.numRetries()), settings.retryPolicy());
        List<String> fallbacks = settings.disableFallbacks() || options.disableFallbacks()
                ? List.of() : Fallbacks.targets(primary.name(), options, settings);
        TranscriptionException failure;
        if (options.mockTestingFallbacks()) {
            failure = Fallbacks.mockFailure(primary.name(), fallbacks);
        } else {
            try {
                return groups.run(primary, rules, deadline, trace, call);
            } catch (TranscriptionException e) {
                failure = e;
            }
        }
        return fallBack(primary, failure, fallbacks, rules, deadline, trace, call);
    }

    /** The earlier of the call's own deadline and the router's {@code totalTimeout}. */
    private Optional<Duration> deadline(CallOptions options) {
        return Stream.concat(options.timeout().stream(), settings.totalTimeout().stream()).min(Duration::compareTo);
    }

    private <T> T fallBack(Route<P> primary, TranscriptionException failure, List<String> fallbacks, RetryRules rules,
                           Deadline deadline, CallTrace trace, RoutedCall<P, T> call) {
        if (!Fallbacks.mayHelp(failure.failure())) {
            throw failure;
        }
        List<String> outcomes = new ArrayList<>();
        for (String name : fallbacks) {
            if (trace.fallbacksTried() == settings.maxFallbacks()) {
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
            trace.fallback(name);
            try {
                return groups.run(route.get(), rules, deadline, trace, call);
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
