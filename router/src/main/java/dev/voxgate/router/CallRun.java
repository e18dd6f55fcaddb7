package dev.voxgate.router;

import java.util.Objects;

/**
 * One routed call as the machinery carries it from group to group: what it asks, how often it may retry, the time it
 * has, and the trace of what happened so far.
 *
 * @param call     what to do on a deployment, and what that needs of it
 * @param rules    the retries allowed within each group
 * @param deadline the time the whole call may take
 * @param trace    the call's report in the making, and its listeners
 *
 * <p>Immutable, but its trace is written by the calling thread alone.
 */
record CallRun(RoutedCall call, RetryRules rules, Deadline deadline, CallTrace trace) {

    CallRun {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(trace, "trace");
    }
}
