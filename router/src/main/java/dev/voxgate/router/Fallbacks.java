package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.error.TranscriptionFailure.NoCapableDeployment;
import dev.voxgate.core.error.TranscriptionFailure.PayloadTooLarge;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import java.util.List;
import java.util.OptionalInt;

/**
 * The fallback rules that do not depend on routing: which groups a call falls back to, whether a failure is worth
 * falling back from, and the failure the caller sees when every fallback failed too.
 */
final class Fallbacks {

    private Fallbacks() {
    }

    /** The call's own list if it gave one, else the group's configured list, else the {@code "*"} list. */
    static List<String> targets(String group, CallOptions options, RouterSettings settings) {
        return options.fallbacks().orElseGet(() -> settings.fallbacks().getOrDefault(group,
                settings.fallbacks().getOrDefault(RouterSettings.ANY_GROUP, List.of())));
    }

    /** Whether another model group might succeed: not when the caller's request itself is at fault. */
    static boolean mayHelp(TranscriptionFailure failure) {
        return FailureDisposition.of(failure).mayFallBack();
    }

    /** LiteLLM's {@code mock_testing_fallbacks} failure for {@code group}. */
    static TranscriptionException mockFailure(String group, List<String> fallbacks) {
        return new TranscriptionException(new UpstreamUnavailable("This is a mock exception for model=" + group
                + ", to trigger a fallback. Fallbacks=" + fallbacks, OptionalInt.empty()));
    }

    /**
     * The original failure, of its own kind, with what happened to each fallback appended:
     * {@code <message> (fallbacks tried: a → <a's failure>; b → unknown model group)}.
     */
    static TranscriptionException exhausted(TranscriptionException original, List<String> outcomes) {
        if (outcomes.isEmpty()) {
            return original;
        }
        String message = original.getMessage() + " (fallbacks tried: " + String.join("; ", outcomes) + ")";
        return new TranscriptionException(original.failure().withMessage(message), original);
    }

    /**
     * The failure as the caller gets it: an upload that no deployment (nor fallback) takes for its size alone is the
     * caller's {@code PayloadTooLarge}, as a vendor's own 413 would be.
     */
    static TranscriptionException forCaller(TranscriptionException failure) {
        if (failure.failure() instanceof NoCapableDeployment incapable && incapable.tooLarge()) {
            return new TranscriptionException(new PayloadTooLarge(incapable.message()), failure);
        }
        return failure;
    }
}
