package dev.voxgate.config;

import static dev.voxgate.config.TestConfigs.ENVIRONMENT;
import static dev.voxgate.config.TestConfigs.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Vendor parameters in {@code litellm_params}: texts, lists and maps, checked against what the provider takes. */
class VendorParamsReadingTest {

    // A Deepgram that declares its parameters, as the provider catalog does; the local engine reads model_path.
    private static final KnownProviders DECLARING = new KnownProviders() {
        @Override
        public boolean supports(String providerId) {
            return Set.of("deepgram", "openai", "local").contains(providerId);
        }

        @Override
        public Capabilities declared(Deployment deployment) {
            return deployment.provider().equals("deepgram")
                    ? Capabilities.builder().paramTypes(Map.of("keyterm", ParamType.LIST, "utt_split",
                            ParamType.NUMBER, "diarize", ParamType.BOOLEAN, "language", ParamType.TEXT)).build()
                    : Capabilities.UNDECLARED;
        }

        @Override
        public Set<String> settings(String providerId) {
            return providerId.equals("local") ? Set.of("model_path") : Set.of();
        }
    };

    @Test
    void listsAndMapsBecomeTypedValues() {
        Deployment deployment = loader().parse("""
                model_list:
                  - model_name: mixed
                    litellm_params:
                      model: openai/gpt-transcribe
                      keywords: [Voxgate, Kubernetes]
                      known_speaker_names:
                        - agent
                        - customer
                      chunking_strategy: {type: server_vad, threshold: 0.5}
                      include[]: logprobs
                """, "c.yaml").deployments().get(0);

        assertThat(deployment.params()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "keywords", ParamValue.values(List.of("Voxgate", "Kubernetes")),
                "known_speaker_names", ParamValue.values(List.of("agent", "customer")),
                "chunking_strategy", ParamValue.fields(Map.of("type", "server_vad", "threshold", "0.5")),
                "include", ParamValue.values(List.of("logprobs"))));
    }

    @Test
    void aNestedListIsRefusedWithItsLine() {
        ConfigException thrown = refused(loader(), """
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-3
                      keyterm:
                        - [a, b]
                """);

        assertThat(thrown).hasMessage("c.yaml:6: model_list[0].litellm_params.keyterm[0]: is a list, but the items of "
                + "a vendor parameter's list or map are single values (text, numbers, true/false)");
    }

    @Test
    void aParameterTheProviderDoesNotTakeStopsTheStartNamingWhatItTakes() {
        ConfigException thrown = refused(declaring(), """
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-3
                      keyterms: [Voxgate]
                """);

        assertThat(thrown).hasMessage("c.yaml:5: model_list[0].litellm_params.keyterms: 'keyterms' is not a "
                + "parameter it takes (deepgram/nova-3); its parameters: diarize, keyterm, language, utt_split (or "
                + "name it in model_info.supported_params, or set drop_params: true)");
    }

    @Test
    void aValueOfTheWrongKindStopsTheStart() {
        assertThat(refused(declaring(), """
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-3
                      utt_split: fast
                """)).hasMessage("c.yaml:5: model_list[0].litellm_params.utt_split: 'utt_split' takes a number, not "
                + "\"fast\" (deepgram/nova-3)");
        assertThat(refused(declaring(), """
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-3
                      keyterm: {a: b}
                """)).hasMessage("c.yaml:5: model_list[0].litellm_params.keyterm: 'keyterm' takes a list, not a map "
                + "(deepgram/nova-3)");
    }

    @Test
    void declaredParametersOfTheRightKindLoad() {
        Deployment deployment = declaring().parse("""
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-3
                      keyterm: [Voxgate, LiteLLM]
                      utt_split: 0.8
                      diarize: True
                """, "c.yaml").deployments().get(0);

        assertThat(deployment.params()).containsEntry("keyterm", ParamValue.values(List.of("Voxgate", "LiteLLM")))
                .containsEntry("utt_split", ParamValue.text("0.8"));
    }

    @Test
    void withDropParamsAnUnknownParameterIsWarnedAboutNotRefused() {
        VoxgateConfig config = declaring().parse("""
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-3
                      drop_params: true
                      keyterms: [Voxgate]
                """, "c.yaml");

        assertThat(config.warnings()).singleElement().hasToString("c.yaml:6: model_list[0].litellm_params.keyterms: "
                + "'keyterms' is not a parameter it takes (deepgram/nova-3), so drop_params drops it from every "
                + "call; its parameters: diarize, keyterm, language, utt_split");
    }

    @Test
    void supportedParamsInModelInfoAndProviderSettingsAreAccepted() {
        VoxgateConfig config = declaring().parse("""
                model_list:
                  - model_name: nova
                    litellm_params:
                      model: deepgram/nova-3
                      mip_opt_out: true
                    model_info:
                      supported_params: [mip_opt_out, keyterm]
                  - model_name: offline
                    litellm_params:
                      model: local/my-vosk
                      model_path: /models/vosk
                """, "c.yaml");

        assertThat(config.deployments()).hasSize(2);
        assertThat(config.warnings()).isEmpty();
    }

    private static dev.voxgate.config.litellm.ConfigLoader declaring() {
        return TestConfigs.loader(ENVIRONMENT, DECLARING);
    }

    private static ConfigException refused(dev.voxgate.config.litellm.ConfigLoader loader, String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, "c.yaml"));
    }
}
