package dev.voxgate.core.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * What a deployment's vendor charges for audio, per second of it, as LiteLLM's {@code input_cost_per_second} and
 * {@code output_cost_per_second} say. A call costs its billed seconds times both rates: the audio's length, or the
 * vendor's minimum when the audio is shorter (Groq bills at least 10 s).
 *
 * @param inputCostPerSecond   US dollars per second of audio sent
 * @param outputCostPerSecond  US dollars per second of audio, for the transcript (zero for most speech vendors)
 * @param minimumBilledSeconds the fewest seconds a call is billed for; zero when the vendor bills what was sent
 * @param source               where the rates come from: {@code config}, or the price table's vendor page and date
 */
public record Price(BigDecimal inputCostPerSecond, BigDecimal outputCostPerSecond, double minimumBilledSeconds,
                    String source) {

    /** What the built-in engine costs: nothing. */
    public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO, 0, "runs in the process");

    // Spend is summed over millions of calls; 16 significant digits keep sub-micro-dollar rates exact enough.
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    public Price {
        requireRate(inputCostPerSecond, "inputCostPerSecond");
        requireRate(outputCostPerSecond, "outputCostPerSecond");
        if (!(minimumBilledSeconds >= 0) || Double.isInfinite(minimumBilledSeconds)) {
            throw new IllegalArgumentException("minimumBilledSeconds must be zero or more, was "
                    + minimumBilledSeconds);
        }
        Require.text(source, "source");
    }

    /** Rates set in the config, billed by the second with no minimum. */
    public static Price configured(BigDecimal inputCostPerSecond, BigDecimal outputCostPerSecond) {
        return new Price(inputCostPerSecond, outputCostPerSecond, 0, "config");
    }

    /** The seconds a call with {@code audioSeconds} of audio is billed for. */
    public double billedSeconds(double audioSeconds) {
        if (!(audioSeconds >= 0) || Double.isInfinite(audioSeconds)) {
            throw new IllegalArgumentException("audioSeconds must be zero or more, was " + audioSeconds);
        }
        return Math.max(audioSeconds, minimumBilledSeconds);
    }

    /** US dollars for a call with {@code audioSeconds} of audio. */
    public BigDecimal cost(double audioSeconds) {
        BigDecimal billed = BigDecimal.valueOf(billedSeconds(audioSeconds));
        return inputCostPerSecond.add(outputCostPerSecond).multiply(billed, PRECISION).stripTrailingZeros();
    }

    private static void requireRate(BigDecimal rate, String field) {
        if (Objects.requireNonNull(rate, field).signum() < 0) {
            throw new IllegalArgumentException(field + " must be zero or more, was " + rate.toPlainString());
        }
    }
}
