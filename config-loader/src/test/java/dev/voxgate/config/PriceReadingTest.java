package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.model.Price;
import dev.voxgate.core.model.PriceTable;
import org.junit.jupiter.api.Test;

/** What a deployment costs: LiteLLM's per-second prices, or a base model of the built-in table. */
class PriceReadingTest {

    @Test
    void perSecondPricesInLitellmParamsAreKeptExact() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: openai/whisper-large-v3
                      api_base: http://whisper.internal/v1
                      input_cost_per_second: 0.0001
                      output_cost_per_second: 0.00002
                """, "c.yaml");

        assertThat(config.warnings()).isEmpty();
        Price price = config.deployments().getFirst().price().orElseThrow();
        assertThat(price.inputCostPerSecond()).isEqualByComparingTo("0.0001");
        assertThat(price.outputCostPerSecond()).isEqualByComparingTo("0.00002");
        assertThat(price.source()).isEqualTo("config");
    }

    @Test
    void modelInfoPricesWinOverLitellmParams() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                      input_cost_per_second: 0.5
                    model_info:
                      input_cost_per_second: 0.0002
                """, "c.yaml");

        assertThat(config.deployments().getFirst().price().orElseThrow().inputCostPerSecond())
                .isEqualByComparingTo("0.0002");
    }

    @Test
    void anAzureDeploymentIsPricedByItsBaseModel() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: azure/my-whisper-deployment
                      api_base: https://example.openai.azure.com
                    model_info:
                      base_model: azure/whisper-1
                """, "c.yaml");

        assertThat(config.warnings()).isEmpty();
        assertThat(config.deployments().getFirst().price()).isEqualTo(PriceTable.builtIn().find("openai",
                "whisper-1"));
    }

    @Test
    void aModelNobodyPricedHasNoPriceAndIsNoConfigWarning() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: azure/my-whisper-deployment
                      api_base: https://example.openai.azure.com
                """, "c.yaml");

        assertThat(config.deployments().getFirst().price()).isEmpty();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aBaseModelWithoutABuiltInPriceIsAWarningThatSaysWhatToSet() {
        VoxgateConfig config = loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: azure/x
                      api_base: https://example.openai.azure.com
                    model_info:
                      base_model: whisper-9
                """, "c.yaml");

        assertThat(config.deployments().getFirst().price()).isEmpty();
        assertThat(config.warnings()).singleElement().satisfies(warning -> assertThat(warning.toString())
                .contains("c.yaml:7").contains("'whisper-9' has no built-in speech price")
                .contains("input_cost_per_second"));
    }

    @Test
    void aNegativePriceStopsTheStartWithItsLine() {
        ConfigException negative = catchThrowableOfType(ConfigException.class, () -> loader().parse("""
                model_list:
                  - model_name: whisper
                    litellm_params:
                      model: whisper-1
                      input_cost_per_second: -0.1
                """, "c.yaml"));
        assertThat(negative).hasMessageContaining("c.yaml:5").hasMessageContaining("0 or more dollars");
    }
}
