package dev.voxgate.config.litellm;

import dev.voxgate.config.ConfigException;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.config.litellm.YamlNode.Type;
import dev.voxgate.core.EnvironmentSource;
import java.util.Optional;

/**
 * LiteLLM's {@code os.environ/NAME}: a text value of exactly that form stands for the environment variable
 * {@code NAME}, which must be set.
 *
 * <p>Immutable and thread-safe.
 */
final class EnvironmentReferences {

    private static final String PREFIX = "os.environ/";

    private final String source;
    private final EnvironmentSource environment;

    EnvironmentReferences(String source, EnvironmentSource environment) {
        this.source = source;
        this.environment = environment;
    }

    EnvironmentSource environment() {
        return environment;
    }

    /** The scalar's text, or the value of the variable it references. */
    Resolved resolve(Scalar scalar) {
        if (scalar.type() != Type.TEXT || !scalar.text().startsWith(PREFIX)) {
            return new Resolved(scalar.text(), Optional.empty());
        }
        String name = scalar.text().substring(PREFIX.length());
        if (name.isBlank()) {
            throw new ConfigException(source, scalar.line(), scalar.path(),
                    PREFIX + " names no variable: write " + PREFIX + "NAME");
        }
        String value = environment.get(name).orElseThrow(() -> new ConfigException(source, scalar.line(),
                scalar.path(), "environment variable " + name + " is not set (referenced as " + PREFIX + name + ")"));
        return new Resolved(value, Optional.of(name));
    }

    /**
     * A value and, when it came from the environment, the variable's name.
     *
     * @param value    the text
     * @param variable the environment variable it was read from; empty when written in the file
     */
    record Resolved(String value, Optional<String> variable) {

        /** How a message may show the value: quoted when written in the file, by variable name otherwise. */
        String shown() {
            return variable.map(name -> "the value of environment variable " + name).orElse("'" + value + "'");
        }
    }
}
