package dev.voxgate.proxy.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** One log event, one line of JSON, with the event's fields at the top. */
class JsonLineEncoderTest {

    private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("voxgate.access");
    private final JsonLineEncoder encoder = new JsonLineEncoder();

    @Test
    void anEventIsOneLineWhoseFieldsKeepTheirTypes() throws Exception {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "POST {}",
                null, new Object[] {"/v1/audio/transcriptions"});
        event.addKeyValuePair(new KeyValuePair("status", 200));
        event.addKeyValuePair(new KeyValuePair("cost_usd", new BigDecimal("0.00000030")));
        event.addKeyValuePair(new KeyValuePair("total_ms", 12.5));
        event.addKeyValuePair(new KeyValuePair("failure_kind", null));
        event.addKeyValuePair(new KeyValuePair("route", "transcriptions"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(line);

        assertThat(line).endsWith("}\n").containsOnlyOnce("\n").contains("\"cost_usd\":0.00000030");
        assertThat(json.get("message").asText()).isEqualTo("POST /v1/audio/transcriptions");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("logger").asText()).isEqualTo("voxgate.access");
        assertThat(json.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(json.get("status").isInt()).isTrue();
        assertThat(json.get("cost_usd").decimalValue()).isEqualByComparingTo("0.0000003");
        assertThat(json.get("total_ms").asDouble()).isEqualTo(12.5);
        assertThat(json.get("failure_kind").isNull()).isTrue();
        assertThat(json.get("route").asText()).isEqualTo("transcriptions");
    }

    @Test
    void aMultiLineMessageAndItsStackTraceStayOnOneLine() throws Exception {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "first\nsecond",
                new IllegalStateException("it broke"), null);
        event.addKeyValuePair(new KeyValuePair("message", "a field may not replace the message"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().readTree(line);

        assertThat(line).containsOnlyOnce("\n");
        assertThat(json.get("message").asText()).isEqualTo("first\nsecond");
        assertThat(json.get("exception").asText()).contains("IllegalStateException: it broke")
                .contains("JsonLineEncoderTest");
    }
}
