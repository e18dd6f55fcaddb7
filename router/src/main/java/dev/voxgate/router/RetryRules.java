package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.router.FailureDisposition.RetryScope;
import dev.voxgate.router.state.FailureKind;
import java.util.Map;

/**
 * Whether a failed attempt is retried, and where. A failure of a kind the {@code retryPolicy} names gets that many
 * retries, any other {@code numRetries}, except a bad request, which gets none unless the policy says so. Transient
 * failures (rate limit, timeout, upstream trouble) may be retried on any deployment, after a back-off on one
 * already tried; refused credentials and bad requests only on a deployment this call has not tried, since the same
 * one would refuse again; an unknown model, or a nested router with nothing available, never.
 *
 * @param numRetries the retries of a kind the policy does not name
 * @param policy     retries per kind
 *
 * <p>Immutable and thread-safe.
 */
record RetryRules(int numRetries, Map<FailureKind, Integer> policy) {

    /** Whether a call that already made {@code retriesDone} retries in this group may retry after {@code failure}. */
    boolean allows(int retriesDone, TranscriptionFailure failure) {
        FailureDisposition disposition = FailureDisposition.of(failure);
        if (disposition.retry() == RetryScope.NONE) {
            return false;
        }
        FailureKind kind = disposition.kind();
        return retriesDone < policy.getOrDefault(kind, kind == FailureKind.BAD_REQUEST ? 0 : numRetries);
    }

    /** Whether the retry after {@code failure} may only go to a deployment this call has not tried. */
    static boolean untriedOnly(TranscriptionFailure failure) {
        return FailureDisposition.of(failure).retry() == RetryScope.UNTRIED;
    }
}
