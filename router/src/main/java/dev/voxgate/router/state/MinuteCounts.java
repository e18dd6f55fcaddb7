package dev.voxgate.router.state;

/**
 * One deployment's counts in the current calendar minute, right after a failure was recorded.
 *
 * @param requests       attempts started this minute
 * @param failures       attempts that failed this minute, of any kind
 * @param failuresOfKind attempts that failed this minute with the kind just recorded
 *
 * <p>Immutable and thread-safe.
 */
public record MinuteCounts(int requests, int failures, int failuresOfKind) {
}
