package dev.voxgate.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTableTest {

    private final PriceTable table = PriceTable.builtIn();

    @Test
    void whisperOneCostsSixTenthsOfACentAMinute() {
        Price price = table.find("openai", "whisper-1").orElseThrow();

        assertThat(price.cost(60)).isEqualByComparingTo("0.006");
        assertThat(price.cost(3)).isEqualByComparingTo("0.0003");
        assertThat(price.source()).contains("developers.openai.com").contains("read 2026-12-07");
    }

    @Test
    void aDatedSnapshotTakesItsModelsPriceAndADifferentModelDoesNot() {
        assertThat(table.find("openai", "gpt-4o-transcribe-2025-03-20")).isEqualTo(table.find("openai",
                "gpt-4o-transcribe"));
        assertThat(table.find("openai", "gpt-4o-transcribe-diarize")).isPresent();
        assertThat(table.find("openai", "gpt-4o")).isEmpty();
        assertThat(table.find("hosted_vllm", "whisper-1")).isEmpty();
    }

    @Test
    void groqBillsTenSecondsAtLeast() {
        Price price = table.find("groq", "whisper-large-v3-turbo").orElseThrow();

        assertThat(price.billedSeconds(3)).isEqualTo(10);
        assertThat(price.billedSeconds(42.5)).isEqualTo(42.5);
    }

    @Test
    void theLocalEngineIsFree() {
        assertThat(table.find("local", "vosk-en").orElseThrow().cost(3600)).isZero();
    }

    @Test
    void aDeploymentsConfiguredPriceComesFirst() {
        Price configured = Price.configured(new BigDecimal("0.0001"), BigDecimal.ZERO);
        Deployment priced = Deployment.builder("a", "g", "openai", "whisper-1").price(configured).build();

        assertThat(table.priceOf(priced)).contains(configured);
        assertThat(table.priceOf(priced.toBuilder().price(null).build())).isEqualTo(table.find("openai",
                "whisper-1"));
    }

    @Test
    void aBrokenRowNamesItsLine() {
        assertThatThrownBy(() -> PriceTable.read(new BufferedReader(new StringReader(
                "# prices\nopenai\twhisper-1\t0.006\tfortnight\t0\t2026-12-07\tpage\n"))))
                .hasMessageContaining("speech-prices.tsv:2");
    }

    @Test
    void aNegativeOrEndlessDurationIsNotBilled() {
        Price price = table.find("openai", "whisper-1").orElseThrow();

        assertThatThrownBy(() -> price.cost(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> price.cost(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
