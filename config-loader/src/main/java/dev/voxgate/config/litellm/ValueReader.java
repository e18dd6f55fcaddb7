package dev.voxgate.config.litellm;

import dev.voxgate.config.ConfigException;
import dev.voxgate.config.ConfigWarning;
import dev.voxgate.config.litellm.EnvironmentReferences.Resolved;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.config.litellm.YamlNode.Sequence;
import dev.voxgate.config.litellm.YamlNode.Type;
import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.model.Secret;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@link YamlNode}s into typed values, resolving {@code os.environ/NAME} references, and reports problems with
 * the node's file, line and key path. A null or blank value reads as absent, as it does in LiteLLM. Messages quote
 * a value only when it was written in the file and is not a credential; values read from the environment are
 * never quoted.
 *
 * <p>Collects warnings into the list it is given; not thread-safe.
 */
final class ValueReader {

    static final String IGNORED = "not supported yet; ignored";
    private static final BigDecimal MAX_INT = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final Set<String> TRUE = Set.of("true", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "off");

    private final String source;
    private final EnvironmentReferences references;
    private final List<ConfigWarning> warnings;

    ValueReader(String source, EnvironmentSource environment, List<ConfigWarning> warnings) {
        this.source = source;
        this.references = new EnvironmentReferences(source, environment);
        this.warnings = warnings;
    }

    /** A reader that resolves {@code os.environ/} against {@code resolvingFrom} and shares this one's warnings. */
    ValueReader withEnvironment(EnvironmentSource resolvingFrom) {
        return new ValueReader(source, resolvingFrom, warnings);
    }

    EnvironmentSource environment() {
        return references.environment();
    }

    ConfigException error(YamlNode node, String problem) {
        return new ConfigException(source, node.line(), node.path(), problem);
    }

    ConfigException error(int line, String path, String problem) {
        return new ConfigException(source, line, path, problem);
    }

    void warn(YamlNode node, String message) {
        warnings.add(new ConfigWarning(source, node.line(), node.path(), message));
    }

    /** Warns that the key holding {@code node} is read past. */
    void ignore(YamlNode node) {
        warn(node, IGNORED);
    }

    /** The map at {@code node}; a null value reads as an empty map. */
    Mapping mapping(YamlNode node, String shape) {
        return switch (node) {
            case Mapping mapping -> mapping;
            case Scalar scalar when scalar.isNull() -> new Mapping(node.path(), node.line(), Map.of());
            default -> throw error(node, "must be " + shape + ", not " + node.kind());
        };
    }

    /** The map under {@code key}; empty when the key is absent or null. */
    Mapping mapping(Mapping parent, String key, String shape) {
        YamlNode node = parent.entries().get(key);
        return node == null
                ? new Mapping(YamlNode.childPath(parent.path(), key), parent.line(), Map.of())
                : mapping(node, shape);
    }

    /** The list at {@code node}; a null value reads as an empty list. */
    Sequence sequence(YamlNode node, String shape) {
        return switch (node) {
            case Sequence sequence -> sequence;
            case Scalar scalar when scalar.isNull() -> new Sequence(node.path(), node.line(), List.of());
            default -> throw error(node, "must be " + shape + ", not " + node.kind());
        };
    }

    /** The text of a single value, with {@code os.environ/NAME} resolved; empty when null or blank. */
    Optional<String> text(YamlNode node) {
        Scalar scalar = scalar(node, "a single value");
        if (scalar.isNull()) {
            return Optional.empty();
        }
        return Optional.of(references.resolve(scalar).value()).filter(value -> !value.isBlank());
    }

    /** The value under {@code key}, which must be there. */
    YamlNode required(Mapping parent, String key, String why) {
        YamlNode node = parent.entries().get(key);
        if (node == null) {
            throw error(parent.line(), YamlNode.childPath(parent.path(), key), "missing: " + why);
        }
        return node;
    }

    /** The text under {@code key}, which must be there. */
    String requiredText(Mapping parent, String key, String why) {
        YamlNode node = required(parent, key, why);
        return text(node).orElseThrow(() -> error(node, "is empty: " + why));
    }

    /** The text of a single value as written, without {@code os.environ/} resolution. */
    String literal(YamlNode node) {
        Scalar scalar = scalar(node, "a single value");
        if (scalar.isNull()) {
            throw error(node, "is empty: give it a value");
        }
        return scalar.text();
    }

    Optional<Secret> secret(YamlNode node) {
        return text(node).map(Secret::of);
    }

    /** A whole number, zero or more. */
    Optional<Integer> count(YamlNode node) {
        return number(node, "a whole number (0 or more)").map(number -> {
            requireNotNegative(node, number, "");
            if (number.stripTrailingZeros().scale() > 0) {
                throw error(node, "must be a whole number, not " + number.toPlainString());
            }
            if (number.compareTo(MAX_INT) > 0) {
                throw error(node, "is too large: at most " + Integer.MAX_VALUE);
            }
            return number.intValueExact();
        });
    }

    /** A number, zero or more. */
    Optional<Double> nonNegative(YamlNode node) {
        return number(node, "a number (0 or more)").map(number -> {
            requireNotNegative(node, number, "");
            return number.doubleValue();
        });
    }

    /** A number of either sign, e.g. a level in dBFS. */
    Optional<Double> decimal(YamlNode node) {
        return number(node, "a number").map(BigDecimal::doubleValue);
    }

    /** An amount of US dollars, zero or more, kept exact (a price of 0.0001 stays 0.0001). */
    Optional<BigDecimal> dollars(YamlNode node) {
        return number(node, "an amount of US dollars (0 or more), e.g. 0.0001").map(number -> {
            requireNotNegative(node, number, " dollars");
            return number;
        });
    }

    /** A number of seconds, as a duration; above zero unless {@code zeroAllowed}. */
    Optional<Duration> seconds(YamlNode node, boolean zeroAllowed) {
        return number(node, "a number of seconds").map(number -> {
            requireNotNegative(node, number, " seconds");
            try {
                Duration duration = Duration.ofNanos(
                        number.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
                if (duration.isZero() && !zeroAllowed) {
                    throw error(node, "must be more than 0 seconds, not " + number.toPlainString());
                }
                return duration;
            } catch (ArithmeticException e) {
                throw error(node, "is too large for a number of seconds");
            }
        });
    }

    /** {@code true} or {@code false}; PyYAML's {@code yes}/{@code no}/{@code on}/{@code off} count too. */
    Optional<Boolean> flag(YamlNode node) {
        Scalar scalar = scalar(node, "true or false");
        if (scalar.isNull()) {
            return Optional.empty();
        }
        Resolved resolved = references.resolve(scalar);
        String value = resolved.value().trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(value) || FALSE.contains(value)) {
            return Optional.of(TRUE.contains(value));
        }
        throw error(node, "must be true or false, not " + resolved.shown());
    }

    private Optional<BigDecimal> number(YamlNode node, String expected) {
        Scalar scalar = scalar(node, expected);
        if (scalar.isNull()) {
            return Optional.empty();
        }
        if (scalar.type() == Type.BOOLEAN) {
            throw error(node, "must be " + expected + ", not " + scalar.kind());
        }
        Resolved resolved = references.resolve(scalar);
        try {
            return Optional.of(new BigDecimal(resolved.value().trim()));
        } catch (NumberFormatException e) {
            throw error(node, "must be " + expected + ", not " + resolved.shown());
        }
    }

    private void requireNotNegative(YamlNode node, BigDecimal number, String unit) {
        if (number.signum() < 0) {
            throw error(node, "must be 0 or more" + unit + ", not " + number.toPlainString());
        }
    }

    private Scalar scalar(YamlNode node, String expected) {
        if (node instanceof Scalar scalar) {
            return scalar;
        }
        throw error(node, "must be " + expected + ", not " + node.kind());
    }
}
