package dev.voxgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile requests through the real proxy, by raw HTTP and raw sockets: each gets its status and an
 * OpenAI-style error naming the field to fix, none reaches the vendor, and the proxy still transcribes afterwards
 * with nothing left behind.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {

    private static final String VENDOR_KEY = "sk-openai-bad-input-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static FakeSpeechVendor vendor;
    private static RunningProxy proxy;
    private static BadRequests requests;
    private static LeakProbe baseline;

    @BeforeAll
    static void start() {
        vendor = FakeSpeechVendor.openAi(VENDOR_KEY, "Four score and seven years ago");
        proxy = RunningProxy.start(Examples.config("whisper-openai.yaml"),
                Map.of("OPENAI_API_KEY", VENDOR_KEY, "OPENAI_API_BASE", vendor.baseUrl()));
        requests = new BadRequests(proxy.baseUrl(), TestFiles.wav(dir, "speech.wav", 2048));
        assertThat(ProxyClients.call(requests.good()).status()).isEqualTo(200);
        baseline = LeakProbe.take(proxy.port(), vendorPorts());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        vendor.close();
    }

    static Stream<BadRequests.Case> badInputs() {
        return BadRequests.CASES.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithItsStatusAndAMessageNamingTheField(BadRequests.Case bad) throws IOException {
        int vendorRequests = vendor.requestCount();

        ProxyClients.Answer answer = ProxyClients.call(bad.request().apply(requests));

        assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
        JsonNode error = JSON.readTree(answer.body()).path("error");
        assertThat(error.path("message").asText()).as(answer.body()).contains(bad.messagePart());
        assertThat(error.path("type").asText()).isNotBlank();
        assertThat(error.path("param").isNull() ? null : error.path("param").asText()).as(answer.body())
                .isEqualTo(bad.param());
        assertThat(vendor.requestCount()).as("bad input never reaches the vendor").isEqualTo(vendorRequests);
    }

    @Order(2)
    @Test
    void bodyCutShortByAClientThatGoesAwayIsNeverA500() throws IOException {
        RawExchange exchange = RawExchange.send(proxy.port(), requests.headersPromising(10_000, "Bearer sk-1234"),
                "--cut\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n--cut\r\n");

        assertThat(exchange.statusLine()).satisfiesAnyOf(
                line -> assertThat(line).isEmpty(),
                line -> assertThat(line).startsWith("HTTP/1.1 400"));
    }

    @Order(3)
    @Test
    void requestThatIsNotHttpIsRefusedWithoutHarm() throws IOException {
        RawExchange exchange = RawExchange.send(proxy.port(), "HELLO /v1/audio/transcriptions SMTP/0.9\r\n\r\n", "");

        assertThat(exchange.statusLine()).satisfiesAnyOf(
                line -> assertThat(line).isEmpty(),
                line -> assertThat(line).matches("HTTP/1.1 (4\\d\\d|505) .*"));
    }

    @Order(4)
    @Test
    void afterTheBadInputTheProxyStillTranscribesAndHoldsNothingExtra() throws InterruptedException {
        ProxyClients.Answer answer = ProxyClients.call(requests.good());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("Four score and seven years ago");
        LeakProbe.awaitBackTo(baseline, 4, proxy.port(), vendorPorts(), Duration.ofSeconds(30));
    }

    private static Set<Integer> vendorPorts() {
        return Set.of(URI.create(vendor.baseUrl()).getPort());
    }
}
