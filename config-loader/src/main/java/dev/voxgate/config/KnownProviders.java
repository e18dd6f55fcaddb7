package dev.voxgate.config;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import java.util.Set;

/**
 * What loading a config needs to know of the providers: which ids exist and, so that a mistyped or misshapen vendor
 * parameter in {@code litellm_params} fails at start with its file and line instead of on the first call, what each
 * deployment takes. The SDK answers it from the provider catalog; a lambda answers {@link #supports} alone, and then
 * no parameter is checked before the first call.
 */
@FunctionalInterface
public interface KnownProviders {

    /** Whether provider id {@code providerId}, such as the {@code azure} of {@code azure/my-whisper}, is supported. */
    boolean supports(String providerId);

    /**
     * What {@code deployment} can serve as its provider declares it, before {@code model_info} corrections;
     * {@link Capabilities#UNDECLARED} (the default) when unknown, so any parameter passes.
     */
    default Capabilities declared(Deployment deployment) {
        return Capabilities.UNDECLARED;
    }

    /** The {@code litellm_params} keys {@code providerId} reads as deployment settings, not vendor parameters. */
    default Set<String> settings(String providerId) {
        return Set.of();
    }
}
