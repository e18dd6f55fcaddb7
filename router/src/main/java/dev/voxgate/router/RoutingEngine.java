package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.Transcription;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Routes one call: resolves the model name, runs the group's attempts (with retries, cooldowns and timeouts), then
 * walks the fallback groups, each with retries of its own, all within the call's deadline, and reports what it did.
 * The caller's own credentials, if any, apply to the named group alone: its fallbacks run on their configured ones.
 *
 * <p>Thread-safe: one engine serves any number of concurrent calls, with no lock on the way.
 */
final class RoutingEngine {

    private final Routes routes;
    private final RouterSettings settings;
    private final InstantSource clock;
    private final RoutingContext context;
    private final GroupRetries groups;

    RoutingEngine(Routes routes, RoutingContext context) {
        this.routes = routes;
        this.settings = context.settings();
        this.clock = context.clock();
        this.context = context;
        this.groups = new GroupRetries(context);
    }

    RouterSettings settings() {
        return settings;
    }

    /**
     * Makes {@code call} on a deployment of {@code model}.
     *
     * @return what the first successful attempt returned, with the report of the routing
     * @throws RoutedTranscriptionException when every attempt and fallback failed, or the call ran out of time
     */
    Routed<Transcription> execute(String model, CallOptions options, RoutedCall call) {
        CallTrace trace = new CallTrace(model, clock, context.listeners());
        try {
            Transcription value = route(model, options, call, trace);
            return new Routed<>(value, trace.end(call.needs(), value.audioSeconds(), Optional.empty()));
        } catch (CallEnded ended) {
            throw failed(ended.failure(), call, trace);
        } catch (TranscriptionException e) {
            throw failed(Fallbacks.forCaller(e), call, trace);
        }
    }

    private static RoutedTranscriptionException failed(TranscriptionException failure, RoutedCall call,
                                                       CallTrace trace) {
        return new RoutedTranscriptionException(failure,
                trace.end(call.needs(), Optional.empty(), Optional.of(failure.failure())));
    }

    private Transcription route(String model, CallOptions options, RoutedCall call, CallTrace trace) {
        Route primary = routes.require(model);
        CallerCredentials credentials = options.credentials();
        if (!credentials.isEmpty() && context.connector().isEmpty()) {
            throw new TranscriptionException(InvalidRequest.ofParam("api_key", "This router cannot apply caller"
                    + " credentials: it was built from ports, without a DeploymentConnector to connect a deployment"
                    + " over them"));
        }
        RetryRules rules = new RetryRules(options.numRetries().orElse(settings.numRetries()), settings.retryPolicy());
        CallRun run = new CallRun(call, rules, Deadline.start(deadline(options)), trace);
        List<String> fallbacks = settings.disableFallbacks() || options.disableFallbacks()
                ? List.of() : Fallbacks.targets(primary.name(), options, settings);
        TranscriptionException failure;
        if (options.mockTestingFallbacks()) {
            failure = Fallbacks.mockFailure(primary.name(), fallbacks);
        } else {
            try {
                return groups.run(primary, credentials, run);
            } catch (TranscriptionException e) {
                failure = e;
            }
        }
        return fallBack(primary, failure, fallbacks, run);
    }

    /** The earlier of the call's own deadline and the router's {@code totalTimeout}. */
    private Optional<Duration> deadline(CallOptions options) {
        return Stream.concat(options.timeout().stream(), settings.totalTimeout().stream()).min(Duration::compareTo);
    }

    private Transcription fallBack(Route primary, TranscriptionException failure, List<String> fallbacks,
                                   CallRun run) {
        if (!Fallbacks.mayHelp(failure.failure())) {
            throw failure;
        }
        List<String> outcomes = new ArrayList<>();
        TranscriptionFailure last = failure.failure();
        for (String name : fallbacks) {
            if (run.trace().fallbacksTried() == settings.maxFallbacks()) {
                break;
            }
            // A "*" list may name the failing group itself; trying it again would only repeat its failure.
            if (name.equals(primary.name())) {
                continue;
            }
            Optional<Route> route = fallbackRoute(name, outcomes);
            if (route.isEmpty()) {
                continue;
            }
            run.trace().fallback(name, last);
            try {
                return groups.run(route.get(), CallerCredentials.NONE, run);
            } catch (TranscriptionException e) {
                outcomes.add(name + " → " + e.getMessage());
                last = e.failure();
            }
        }
        throw Fallbacks.exhausted(failure, outcomes);
    }

    /** The route of a fallback name; when there is none, why not is added to {@code outcomes}. */
    private Optional<Route> fallbackRoute(String name, List<String> outcomes) {
        try {
            Optional<Route> route = routes.find(name);
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
