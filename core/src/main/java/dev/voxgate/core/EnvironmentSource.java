package dev.voxgate.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where configuration reads environment variables from ({@code os.environ/NAME}, provider key defaults).
 * Injected everywhere instead of {@link System#getenv}, so tests never change the process's own environment.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface EnvironmentSource {

    /** The variable's value; empty when it is unset or blank. */
    Optional<String> get(String name);

    /** The process environment. */
    static EnvironmentSource system() {
        return name -> Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }

    /** A fixed set of variables, copied. */
    static EnvironmentSource of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return name -> Optional.ofNullable(copy.get(name)).filter(value -> !value.isBlank());
    }

    /** This source with {@code overrides} taking precedence, as LiteLLM's {@code environment_variables} do. */
    default EnvironmentSource withOverrides(Map<String, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, String> copy = new HashMap<>(overrides);
        EnvironmentSource base = this;
        return name -> {
            String value = copy.get(name);
            return value != null && !value.isBlank() ? Optional.of(value) : base.get(name);
        };
    }

    /** The first of {@code names} that is set. */
    default Optional<String> firstOf(String... names) {
        for (String name : names) {
            Optional<String> value = get(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
