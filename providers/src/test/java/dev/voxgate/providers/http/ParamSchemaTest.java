package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One schema per provider: what it declares, and how it vets a call's parameters before anything is sent. */
class ParamSchemaTest {

    private static final ParamSchema SCHEMA = ParamSchema.builder()
            .standardFields(StandardField.LANGUAGE, StandardField.RESPONSE_FORMAT)
            .form(ParamType.LIST, "keywords")
            .form(ParamType.TEXT_OR_MAP, "chunking_strategy")
            .query(ParamType.NUMBER, "utt_split")
            .query(ParamType.BOOLEAN, "diarize")
            .build();

    private static Deployment.Builder deployment() {
        return Deployment.builder("d1", "speech", "vendor", "model-1");
    }

    private static TranscriptionRequest.Builder request() {
        return TranscriptionRequest.builder("speech", AudioInput.of("a.wav", new byte[] {1, 2, 3}));
    }

    private static InvalidRequest refusal(Deployment deployment, TranscriptionRequest request) {
        TranscriptionException thrown = catchThrowableOfType(TranscriptionException.class,
                () -> SCHEMA.vet(deployment, request));
        assertThat(thrown).as("the call is refused").isNotNull();
        return (InvalidRequest) thrown.failure();
    }

    @Test
    void declaresEveryParameterWithItsKindAndTheOpenAiFieldsItTakesButResponseFormat() {
        assertThat(SCHEMA.types()).contains(Map.of("language", ParamType.TEXT, "keywords", ParamType.LIST,
                "chunking_strategy", ParamType.TEXT_OR_MAP, "utt_split", ParamType.NUMBER,
                "diarize", ParamType.BOOLEAN));
    }

    @Test
    void theDeclaredKindsAreWhatTheConfigLoaderChecksThroughCapabilities() {
        Capabilities declared = Capabilities.builder().paramTypes(SCHEMA.types().orElseThrow()).build();

        assertThat(declared.paramProblem("keywords[]", ParamValue.fields(Map.of("a", "b")))).isPresent();
        assertThat(declared.paramProblem("utt_split", ParamValue.text("fast"))).contains("takes a number, not \"fast\"");
        assertThat(declared.paramProblem("webhook", ParamValue.text("true"))).isPresent();
        assertThat(declared.paramProblem("keywords", ParamValue.values(List.of("a", "b")))).isEmpty();
    }

    @Test
    void aSchemaTakingAnyNameDeclaresNoParameterSoTheVendorDecides() {
        ParamSchema any = ParamSchema.builder().allStandardFields().anyName(ParamPlacement.FORM).build();

        assertThat(any.types()).isEmpty();
        assertThat(any.vet(deployment().param("hotwords", "Voxgate").build(), request().build()).value("hotwords"))
                .contains(ParamValue.text("Voxgate"));
    }

    @Test
    void aParameterItDoesNotTakeIsRefusedNamingItUnlessTheDeploymentDropsIt() {
        assertThat(refusal(deployment().param("webhook", "true").build(), request().build()))
                .isEqualTo(InvalidRequest.unsupportedParam("webhook", "vendor", "d1"));

        VettedRequest dropped = SCHEMA.vet(deployment().dropParams(true).param("webhook", "true").build(),
                request().build());

        assertThat(dropped.value("webhook")).isEmpty();
    }

    @Test
    void anOpenAiFieldItDoesNotTakeIsRefusedOrDroppedFromTheRequest() {
        assertThat(refusal(deployment().build(), request().prompt("Voxgate").build()).param()).contains("prompt");

        VettedRequest dropped = SCHEMA.vet(deployment().dropParams(true).build(), request().prompt("Voxgate")
                .temperature(0.2).build());

        assertThat(dropped.request().prompt()).isEmpty();
        assertThat(dropped.request().temperature()).isEmpty();
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingItWhateverDropParamsSays() {
        Deployment dropping = deployment().dropParams(true).build();

        assertThat(refusal(dropping, request().providerParam("keywords[a]", "b").build())).isEqualTo(
                InvalidRequest.ofParam("keywords", "parameter 'keywords' of provider vendor (deployment 'd1') "
                        + "takes a list, not a map"));
        assertThat(refusal(dropping, request().providerParam("utt_split", "fast").build())).isEqualTo(
                InvalidRequest.ofParam("utt_split", "parameter 'utt_split' of provider vendor (deployment 'd1') "
                        + "takes a number, not \"fast\""));
        assertThat(refusal(deployment().param("diarize", ParamValue.values(List.of("true"))).build(),
                request().build()).param()).contains("diarize");
        assertThat(refusal(deployment().build(), request().providerParam("chunking_strategy[]", "auto").build())
                .param()).contains("chunking_strategy");
    }

    @Test
    void theRequestsValueReplacesTheDeploymentsWholeAndParametersAreSortedByName() {
        Deployment deployment = deployment().param("utt_split", "0.8").param("keywords[]", "Voxgate")
                .param("keywords[]", "Kubernetes").build();

        VettedRequest vetted = SCHEMA.vet(deployment, request().providerParam("keywords[]", "Whisper").build());

        assertThat(vetted.value("keywords")).contains(ParamValue.values(List.of("Whisper")));
        assertThat(vetted).hasToString("VettedRequest[keywords, utt_split]");
    }

    @Test
    void trueAndFalseInAnyCaseAreSentLowerCase() {
        VettedRequest vetted = SCHEMA.vet(deployment().param("diarize", " True ").build(), request().build());

        assertThat(vetted.value("diarize")).contains(ParamValue.text("true"));
    }

    @Test
    void fileModelAndTheOpenAiFieldsItTakesAreLeftToTheRequest() {
        VettedRequest vetted = SCHEMA.vet(deployment().param("model", "other").param("response_format", "srt")
                .param("language", "fr").build(), request().build());

        assertThat(vetted).hasToString("VettedRequest[]");
    }

    @Test
    void aParameterNamedLikeAFieldItTakesIsSentWhenTheRequestLeavesTheFieldUnset() {
        ParamSchema schema = ParamSchema.builder().standardFields(StandardField.LANGUAGE)
                .query(ParamType.TEXT, "language").build();
        Deployment deployment = deployment().param("language", "de").build();

        assertThat(schema.vet(deployment, request().build()).value("language")).contains(ParamValue.text("de"));
        assertThat(schema.vet(deployment, request().language("fr").build()).value("language")).isEmpty();
    }

    @Test
    void aShaperRunsAfterTheFieldsAreClearedAndBeforeTheParametersAreChecked() {
        VettedRequest vetted = SCHEMA.vet(deployment().dropParams(true).build(), request().language("en")
                        .prompt("dropped").build(),
                shaped -> shaped.toBuilder().language(null).providerParam("utt_split", "1.5").build());

        assertThat(vetted.request().language()).isEmpty();
        assertThat(vetted.value("utt_split")).contains(ParamValue.text("1.5"));
        assertThatThrownBy(() -> SCHEMA.vet(deployment().build(), request().build(),
                shaped -> shaped.toBuilder().providerParam("utt_split", "fast").build()))
                .isInstanceOf(TranscriptionException.class);
    }

    @Test
    void aParameterIsDeclaredOnceByItsBareName() {
        assertThatThrownBy(() -> ParamSchema.builder().form(ParamType.LIST, "keywords[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare name");
        assertThatThrownBy(() -> ParamSchema.builder().form(ParamType.LIST, "tag").query(ParamType.TEXT, "tag"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
