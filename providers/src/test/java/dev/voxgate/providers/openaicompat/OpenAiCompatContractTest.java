package dev.voxgate.providers.openaicompat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.ProviderContractTest;
import dev.voxgate.providers.RecordedForm;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The provider contract, plus what every OpenAI-compatible profile must do with extra parameters: send the ones its
 * vendor takes, and refuse any other before a call is made, or drop it when the deployment says {@code drop_params}.
 */
public abstract class OpenAiCompatContractTest extends ProviderContractTest {

    private static final String UNKNOWN = "voxgate_unknown_param";

    /** An extra parameter as given, and the form part it must arrive as. */
    public record SentExtra(String name, String value, String partName) {
    }

    /** An extra the vendor takes; empty when it takes none. */
    protected abstract Optional<SentExtra> acceptedExtra();

    /** Whether the vendor takes any extra at all, as a self-hosted server does; then nothing is refused. */
    protected boolean acceptsAnyExtra() {
        return false;
    }

    private String refusal(String name) {
        return "parameter '" + name + "' is not supported by provider " + factory().id() + " (deployment '"
                + DEPLOYMENT_ID + "'); remove it or set drop_params: true";
    }

    @Test
    void deploymentParameterTheVendorDoesNotTakeIsRefusedBeforeAnyCall() {
        assumeFalse(acceptsAnyExtra(), "the vendor takes every parameter");

        var thrown = failingCall(connect(deployment().param(UNKNOWN, "1").build()), request().build());

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam(UNKNOWN, refusal(UNKNOWN)));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void callersParameterTheVendorDoesNotTakeIsRefusedBeforeAnyCall() {
        assumeFalse(acceptsAnyExtra(), "the vendor takes every parameter");
        TranscriptionRequest request = request().providerParam(UNKNOWN, "1").build();

        var thrown = failingCall(connect(deployment().build()), request);

        assertThat(thrown.failure()).isEqualTo(InvalidRequest.ofParam(UNKNOWN, refusal(UNKNOWN)));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void parameterTheVendorDoesNotTakeIsDroppedWhenTheDeploymentDropsParams() throws Exception {
        assumeFalse(acceptsAnyExtra(), "the vendor takes every parameter");
        server.enqueue(json(200, transcriptBody("hi")));
        Deployment dropping = deployment().param(UNKNOWN, "1").dropParams(true).build();

        connect(dropping).transcribe(request().providerParam(UNKNOWN + "_too", "2").build());

        assertThat(RecordedForm.of(takeRequest()).names()).doesNotContain(UNKNOWN, UNKNOWN + "_too");
    }

    @Test
    void extraTheVendorTakesIsSentInItsEncoding() throws Exception {
        assumeTrue(acceptedExtra().isPresent(), "the vendor takes no extra");
        SentExtra extra = acceptedExtra().orElseThrow();
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().build()).transcribe(request().providerParam(extra.name(), extra.value()).build());

        assertThat(RecordedForm.of(takeRequest()).value(extra.partName())).isEqualTo(extra.value());
    }

    @Test
    void anyExtraIsSentAsGivenWhenTheVendorTakesAny() throws Exception {
        assumeTrue(acceptsAnyExtra(), "the vendor takes only its own extras");
        server.enqueue(json(200, transcriptBody("hi")));

        connect(deployment().param("hotwords", "Voxgate").build())
                .transcribe(request().providerParam("vllm_xargs", "{\"top_k\":5}").build());

        RecordedForm form = RecordedForm.of(takeRequest());
        assertThat(form.value("hotwords")).isEqualTo("Voxgate");
        assertThat(form.value("vllm_xargs")).isEqualTo("{\"top_k\":5}");
    }
}
