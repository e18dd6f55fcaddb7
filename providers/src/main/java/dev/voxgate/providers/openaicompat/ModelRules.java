package dev.voxgate.providers.openaicompat;

/**
 * A vendor's knowledge of its models: for a model it knows, what sets that model apart from the vendor's defaults
 * (the formats it writes, the fields it takes, whether it streams, its limits). It is applied once per deployment,
 * to a builder holding the vendor's profile, so that the adapter and the capabilities it declares are both made from
 * the one profile that results. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ModelRules {

    /** Adjusts {@code profile}, holding the vendor's defaults, for {@code model}; leaves it for a model it does not know. */
    void adjust(String model, OpenAiCompatProfileBuilder profile);

    /** Knows no model: every model gets the vendor's defaults. */
    static ModelRules none() {
        return (model, profile) -> { };
    }
}
