package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionFailure.AuthenticationFailed;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The one resolver of base URL, key, API version and headers, the same for every vendor. */
class EndpointRulesTest {

    private static final EndpointRules RULES = EndpointRules.builder("vendor")
            .baseVariables("VENDOR_API_BASE", "VENDOR_BASE_URL")
            .defaultBase("https://api.vendor.example/v1")
            .keyVariables("VENDOR_API_KEY", "VENDOR_TOKEN")
            .build();

    private static Deployment.Builder deployment() {
        return Deployment.builder("d1", "speech", "vendor", "model-1");
    }

    private static Endpoint resolve(EndpointRules rules, Deployment deployment, Map<String, String> environment) {
        return rules.resolve(deployment, EnvironmentSource.of(environment));
    }

    private static Endpoint.Ready ready(Endpoint endpoint) {
        assertThat(endpoint).isInstanceOf(Endpoint.Ready.class);
        return (Endpoint.Ready) endpoint;
    }

    @Test
    void baseIsTheApiBaseElseTheFirstVariableSetElseTheVendorsDefault() {
        Deployment keyed = deployment().apiKey(Secret.of("k")).build();
        Map<String, String> both = Map.of("VENDOR_API_BASE", "http://first/v1", "VENDOR_BASE_URL", "http://second");

        assertThat(ready(resolve(RULES, keyed.toBuilder().apiBase("http://own:8080/v1").build(), both)).base())
                .isEqualTo(HttpUrl.get("http://own:8080/v1"));
        assertThat(ready(resolve(RULES, keyed.toBuilder().apiBase("  ").build(), both)).base())
                .isEqualTo(HttpUrl.get("http://first/v1"));
        assertThat(ready(resolve(RULES, keyed, Map.of("VENDOR_BASE_URL", "http://second"))).base())
                .isEqualTo(HttpUrl.get("http://second"));
        assertThat(ready(resolve(RULES, keyed, Map.of())).base()).isEqualTo(HttpUrl.get("https://api.vendor.example/v1"));
    }

    @Test
    void whitespaceAndTrailingSlashesAreStripped() {
        Deployment deployment = deployment().apiKey(Secret.of("k")).apiBase(" http://own/v1// ").build();

        assertThat(ready(resolve(RULES, deployment, Map.of())).base().toString()).isEqualTo("http://own/v1");
    }

    @Test
    void aBaseThatIsNoHttpUrlIsMisconfiguredWithoutRepeatingIt() {
        Endpoint endpoint = resolve(RULES, deployment().apiKey(Secret.of("k")).apiBase("user:hunter2@nowhere").build(),
                Map.of());

        assertThat(endpoint).isEqualTo(new Endpoint.Misconfigured(InvalidRequest.of(
                "the api_base of deployment 'd1' is not an http(s) URL")));
    }

    @Test
    void aVendorWithoutADefaultNeedsABaseAndSaysWhereToSetIt() {
        EndpointRules selfHosted = EndpointRules.builder("vendor").baseVariables("VENDOR_API_BASE")
                .keyRequirement(KeyRequirement.NEVER).build();

        assertThat(resolve(selfHosted, deployment().build(), Map.of())).isEqualTo(new Endpoint.Misconfigured(
                InvalidRequest.of("no api_base for deployment 'd1': set litellm_params.api_base or VENDOR_API_BASE")));
    }

    @Test
    void keyIsTheApiKeyElseTheFirstVariableSetAndIsRequiredNamingEveryVariable() {
        assertThat(ready(resolve(RULES, deployment().apiKey(Secret.of("own")).build(),
                Map.of("VENDOR_API_KEY", "env"))).key()).contains(Secret.of("own"));
        assertThat(ready(resolve(RULES, deployment().build(), Map.of("VENDOR_TOKEN", "token"))).key())
                .contains(Secret.of("token"));
        assertThat(resolve(RULES, deployment().build(), Map.of())).isEqualTo(new Endpoint.Misconfigured(
                new AuthenticationFailed("no API key for deployment 'd1': set litellm_params.api_key or "
                        + "VENDOR_API_KEY or VENDOR_TOKEN")));
    }

    @Test
    void aKeyNeededOnlyOnTheDefaultHostIsOptionalAnywhereElse() {
        EndpointRules rules = EndpointRules.builder("vendor")
                .defaultBase("https://api.vendor.example/v1").keyVariables("VENDOR_API_KEY")
                .keyRequirement(KeyRequirement.FOR_DEFAULT_HOST).build();

        assertThat(resolve(rules, deployment().build(), Map.of())).isInstanceOf(Endpoint.Misconfigured.class);
        assertThat(ready(resolve(rules, deployment().apiBase("http://127.0.0.1:8000/v1").build(), Map.of())).key())
                .isEmpty();
    }

    @Test
    void theApiVersionIsTheDeploymentsElseItsVariableElseTheDefault() {
        EndpointRules rules = EndpointRules.builder("vendor").defaultBase("https://res.vendor.example")
                .apiVersion("VENDOR_API_VERSION", "2024-10-21").build();
        Deployment keyed = deployment().apiKey(Secret.of("k")).build();

        assertThat(ready(resolve(rules, keyed.toBuilder().apiVersion(" 2025-04-01-preview ").build(),
                Map.of("VENDOR_API_VERSION", "env"))).version()).contains("2025-04-01-preview");
        assertThat(ready(resolve(rules, keyed, Map.of("VENDOR_API_VERSION", "env"))).version()).contains("env");
        assertThat(ready(resolve(rules, keyed, Map.of())).version()).contains("2024-10-21");
        assertThat(ready(resolve(RULES, keyed, Map.of())).version()).isEmpty();
    }

    @Test
    void headersComeFromTheirVariablesWhenSet() {
        EndpointRules rules = EndpointRules.builder("vendor").defaultBase("https://api.vendor.example")
                .headerFromVariable("Vendor-Organization", "VENDOR_ORG").build();
        Deployment keyed = deployment().apiKey(Secret.of("k")).build();

        assertThat(ready(resolve(rules, keyed, Map.of("VENDOR_ORG", "org-1"))).headers())
                .isEqualTo(Map.of("Vendor-Organization", "org-1"));
        assertThat(ready(resolve(rules, keyed, Map.of())).headers()).isEmpty();
        assertThat(ready(resolve(rules, keyed, Map.of())).keyHeader()).isEqualTo(KeyHeader.bearer());
        assertThat(ready(resolve(rules, keyed, Map.of())).version()).isEqualTo(Optional.empty());
    }
}
