package dev.voxgate.config.litellm;

import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.core.model.ModelReference;
import dev.voxgate.core.model.Price;
import dev.voxgate.core.model.PriceTable;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a deployment costs, as LiteLLM writes it: {@code input_cost_per_second} and
 * {@code output_cost_per_second} in {@code litellm_params} or {@code model_info} (the latter wins, as in LiteLLM), or
 * {@code model_info.base_model} naming the model whose built-in price applies (an Azure deployment's name says
 * nothing of its model). Without either the router prices the deployment's own model from {@link PriceTable}; a
 * deployment nobody prices costs 0, which the proxy says once at start.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class PriceReader {

    /** The keys read here, in {@code litellm_params} and in {@code model_info}. */
    static final Set<String> COST_KEYS = Set.of("input_cost_per_second", "output_cost_per_second");
    static final String BASE_MODEL = "base_model";

    private final ValueReader values;

    PriceReader(ValueReader values) {
        this.values = values;
    }

    /** The price {@code params} and {@code info} set for a deployment; empty when they set none. */
    Optional<Price> read(Mapping params, Mapping info) {
        Optional<BigDecimal> input = dollars(info, "input_cost_per_second").or(() -> dollars(params,
                "input_cost_per_second"));
        Optional<BigDecimal> output = dollars(info, "output_cost_per_second").or(() -> dollars(params,
                "output_cost_per_second"));
        if (input.isPresent() || output.isPresent()) {
            return Optional.of(Price.configured(input.orElse(BigDecimal.ZERO), output.orElse(BigDecimal.ZERO)));
        }
        YamlNode baseModel = info.entries().get(BASE_MODEL);
        return baseModel == null ? Optional.empty() : values.text(baseModel).flatMap(name -> basePrice(baseModel, name));
    }

    // base_model: whisper-1, or azure/whisper-1 as LiteLLM's docs write it; the table knows OpenAI's models under
    // openai, whose models Azure serves.
    private Optional<Price> basePrice(YamlNode node, String name) {
        ModelReference reference = ModelReference.parse(name.strip(), prefix -> true)
                .orElseThrow(() -> values.error(node, "names no model: write e.g. whisper-1"));
        String vendor = reference.provider().equals("azure") ? ModelReference.DEFAULT_PROVIDER : reference.provider();
        Optional<Price> price = PriceTable.builtIn().find(vendor, reference.model());
        if (price.isEmpty()) {
            values.warn(node, "'" + name + "' has no built-in speech price, so it prices nothing: set "
                    + "input_cost_per_second (US dollars per second of audio) instead");
        }
        return price;
    }

    private Optional<BigDecimal> dollars(Mapping map, String key) {
        YamlNode node = map.entries().get(key);
        return node == null ? Optional.empty() : values.dollars(node);
    }
}
