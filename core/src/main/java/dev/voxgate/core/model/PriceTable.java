package dev.voxgate.core.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The prices of known speech-to-text models, read from one data file ({@code speech-prices.tsv} beside this class:
 * each row names the vendor page it was read from and when), so that a deployment costs what its vendor charges
 * without a price in the config. A model's dated snapshot ({@code gpt-4o-transcribe-2025-03-20}) takes its model's
 * row; a row whose model is {@code *} prices every model of its provider.
 *
 * <p>Immutable and thread-safe.
 */
public final class PriceTable {

    private static final String RESOURCE = "speech-prices.tsv";
    private static final Map<String, BigDecimal> SECONDS_PER = Map.of(
            "second", BigDecimal.ONE, "minute", BigDecimal.valueOf(60), "hour", BigDecimal.valueOf(3600));
    // After SECONDS_PER, which reading the file needs.
    private static final PriceTable BUILT_IN = load();

    private final Map<String, Price> rows;

    PriceTable(Map<String, Price> rows) {
        this.rows = Map.copyOf(rows);
    }

    /** The table shipped with Voxgate. */
    public static PriceTable builtIn() {
        return BUILT_IN;
    }

    /** The price of {@code provider}'s {@code model}, or of the model it is a dated snapshot of. */
    public Optional<Price> find(String provider, String model) {
        Objects.requireNonNull(provider, "provider");
        for (String name = Objects.requireNonNull(model, "model"); ; name = name.substring(0, name.lastIndexOf('-'))) {
            Price price = rows.get(provider + "/" + name);
            if (price != null) {
                return Optional.of(price);
            }
            if (name.lastIndexOf('-') <= 0) {
                return Optional.ofNullable(rows.get(provider + "/*"));
            }
        }
    }

    /** What {@code deployment} costs: its configured price, else its provider model's row. */
    public Optional<Price> priceOf(Deployment deployment) {
        return deployment.price().or(() -> find(deployment.provider(), deployment.providerModel()));
    }

    private static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static PriceTable read(BufferedReader lines) throws IOException {
        Map<String, Price> rows = new HashMap<>();
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            if (cells.length != 7 || !SECONDS_PER.containsKey(cells[3])) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": want provider, model, usd, "
                        + "second|minute|hour, minimum seconds, date read, vendor page; got '" + line + "'");
            }
            BigDecimal perSecond = new BigDecimal(cells[2]).divide(SECONDS_PER.get(cells[3]), MathContext.DECIMAL64);
            Price price = new Price(perSecond, BigDecimal.ZERO, Double.parseDouble(cells[4]),
                    cells[6] + ", read " + cells[5]);
            if (rows.put(cells[0] + "/" + cells[1], price) != null) {
                throw new IllegalStateException(RESOURCE + ":" + number + ": " + cells[0] + "/" + cells[1]
                        + " is priced twice");
            }
        }
        return new PriceTable(rows);
    }
}
