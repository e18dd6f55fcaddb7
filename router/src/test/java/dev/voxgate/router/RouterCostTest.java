package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Price;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What each routed call cost: the x-voxgate-response-cost header and the spend metrics come from here. */
class RouterCostTest {

    private static final UpstreamUnavailable UNAVAILABLE = new UpstreamUnavailable("503", OptionalInt.of(503));

    private final Fixture fixture = new Fixture();

    @Test
    void aConfiguredPriceTimesTheAudioSecondsIsTheCost() {
        Router router = fixture.router().deployment(deployment("a", "hosted_vllm", "whisper-large",
                Price.configured(new BigDecimal("0.0001"), BigDecimal.ZERO), port().answersAudio("hi", 3))).build();

        RoutingReport report = router.route(request("whisper"), CallOptions.defaults()).report();

        assertThat(report.cost()).isEqualByComparingTo("0.0003");
        assertThat(report.audioSeconds()).contains(3.0);
    }

    @Test
    void withoutAConfiguredPriceTheBuiltInTablePricesTheModel() {
        Router router = fixture.router()
                .deployment(fixture.deployment("a", "whisper", port().answersAudio("hi", 60))).build();

        // whisper-1: $0.006 per minute on OpenAI's page.
        assertThat(router.route(request("whisper"), CallOptions.defaults()).report().cost())
                .isEqualByComparingTo("0.006");
    }

    @Test
    void groqBillsAtLeastTenSeconds() {
        Router router = fixture.router().deployment(deployment("a", "groq", "whisper-large-v3", null,
                port().answersAudio("hi", 3))).build();

        // $0.111 an hour, 10 s billed for 3 s of audio.
        assertThat(router.route(request("whisper"), CallOptions.defaults()).report().cost())
                .isEqualByComparingTo(new BigDecimal("0.111").multiply(BigDecimal.TEN)
                        .divide(BigDecimal.valueOf(3600), java.math.MathContext.DECIMAL64));
    }

    @Test
    void failedAttemptsCostNothingAndTheAnswerCostsWhatItsVendorCharges() {
        List<RoutingListener.AttemptEnded> ended = new ArrayList<>();
        Router router = fixture.router()
                .deployment(deployment("a", "hosted_vllm", "one", Price.configured(new BigDecimal("0.5"),
                        BigDecimal.ZERO), port().fails(UNAVAILABLE)))
                .deployment(deployment("b", "hosted_vllm", "two", Price.configured(new BigDecimal("0.01"),
                        new BigDecimal("0.001")), port().answersAudio("hi", 2)))
                .listener(new RoutingListener() {
                    @Override
                    public void attemptEnded(AttemptEnded event) {
                        ended.add(event);
                    }
                })
                .build();

        RoutingReport report = router.route(request("whisper"), CallOptions.defaults()).report();

        assertThat(report.attempts()).extracting(RoutingReport.Attempt::cost)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.ZERO, new BigDecimal("0.022"));
        assertThat(report.cost()).isEqualByComparingTo("0.022");
        assertThat(ended).extracting(RoutingListener.AttemptEnded::cost)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(BigDecimal.ZERO, new BigDecimal("0.022"));
        assertThat(ended.getLast().audioSeconds()).contains(2.0);
    }

    @Test
    void aModelNobodyPricedCostsZero() {
        Router router = fixture.router().deployment(deployment("a", "hosted_vllm", "my-whisper", null,
                port().answersAudio("hi", 30))).build();

        assertThat(router.route(request("whisper"), CallOptions.defaults()).report().cost()).isZero();
    }

    private Deployment deployment(String id, String provider, String model, Price price, ScriptedPort port) {
        fixture.connector.port(id, port);
        return Deployment.builder(id, "whisper", provider, model).price(price).build();
    }
}
