package dev.voxgate.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {

    @Test
    void liteLlmsDurationsReadAsTheirLengths() {
        assertThat(DurationText.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(DurationText.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationText.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(DurationText.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(DurationText.parse("1mo")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void anythingElseSaysWhatShapesAreMeant() {
        for (String wrong : new String[] {"0d", "3 days", "-1h", "1y", ""}) {
            assertThatThrownBy(() -> DurationText.parse(wrong)).as(wrong)
                    .hasMessageContaining("such as 30s, 10m, 1h, 30d, 2w or 1mo");
        }
    }
}
