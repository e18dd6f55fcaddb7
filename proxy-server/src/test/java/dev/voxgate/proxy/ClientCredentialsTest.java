package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A caller's own {@code api_key}, {@code api_base}, {@code api_version}: refused by default, typed when allowed. */
class ClientCredentialsTest {

    private static final AudioInput AUDIO = AudioInput.of("speech.wav", TestAudio.wav(16, (byte) 0));

    @ParameterizedTest
    @ValueSource(strings = {"api_key", "api_base", "api_version", "base_url", "custom_llm_provider", "organization",
            "azure_ad_token", "API_KEY", "api_key[]"})
    void byDefaultEveryDeploymentParameterIsRefused(String name) {
        assertRejected(fields("model", "w", name, "x"), false, FormFields.baseName(name), "cannot be set by a client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base_url", "custom_llm_provider", "organization", "azure_ad_token", "API_KEY"})
    void whenAllowedOnlyKeyBaseAndVersionMayBeSet(String name) {
        assertRejected(fields("model", "w", name, "x"), true, name, "only api_key, api_base and api_version");
    }

    @Test
    void whenAllowedKeyBaseAndVersionAreTypedAndNotPassedToTheProvider() {
        TranscriptionForm form = parse(fields("model", "w", "api_key", " sk-client ", "api_base",
                "https://client.example/v1", "api_version", "2024-10-21"), true);

        assertThat(form.options().credentials().apiKey()).contains(Secret.of("sk-client"));
        assertThat(form.options().credentials().apiBase()).contains("https://client.example/v1");
        assertThat(form.options().credentials().apiVersion()).contains("2024-10-21");
        assertThat(form.request().providerParams()).isEmpty();
        assertThat(form.options().fallbacks()).contains(List.of());
        assertThat(form.options().credentials().toString()).doesNotContain("sk-client");
    }

    @Test
    void whenAllowedButNotSentTheCallRoutesAsUsual() {
        TranscriptionForm form = parse(fields("model", "w"), true);

        assertThat(form.options().credentials().isEmpty()).isTrue();
        assertThat(form.options().fallbacks()).isEmpty();
    }

    @Test
    void apiBaseWithoutTheCallersOwnKeyIsRefusedSoTheProxysKeysStayHome() {
        assertRejected(fields("model", "w", "api_base", "https://evil.example/v1"), true, "api_key",
                "'api_base' needs 'api_key' too");
    }

    @Test
    void apiVersionWithoutTheCallersOwnKeyIsRefusedSoTheProxysKeysKeepTheirConfiguredVersion() {
        assertRejected(fields("model", "w", "api_version", "2025-01-01"), true, "api_key",
                "'api_version' needs 'api_key' too");
    }

    @Test
    void whenAllowedTheCredentialsTravelInTheCallOptionsForTheSharedRouter() {
        TranscriptionForm transcription = parse(fields("model", "w", "api_key", "sk-c"), true);
        TranscriptionForm translation = TranscriptionForm.parseTranslation(fields("model", "w", "api_key", "sk-c",
                "api_base", "https://client.example/v1"), AUDIO, true);

        assertThat(transcription.options().credentials().apiKey()).contains(Secret.of("sk-c"));
        assertThat(translation.options().credentials().apiBase()).contains("https://client.example/v1");
    }

    @Test
    void byDefaultNoCredentialsTravel() {
        assertThat(parse(fields("model", "w"), false).options().credentials()).isEqualTo(CallerCredentials.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://host/x", "not a url", "http://"})
    void apiBaseThatIsNotAnHttpUrlIsRefused(String base) {
        assertRejected(fields("model", "w", "api_key", "sk-c", "api_base", base), true, "api_base",
                "must be an http(s) URL");
    }

    @Test
    void ownCredentialsCannotBeCombinedWithFallbacks() {
        assertRejected(fields("model", "w", "api_key", "sk-c", "fallbacks[]", "backup"), true, "fallbacks",
                "stays within the model group");
    }

    @Test
    void credentialsReplaceTheDeploymentsOwnAndKeepEverythingElse() {
        Deployment configured = Deployment.builder("d1", "w", "azure", "whisper").apiKey(Secret.of("sk-proxy"))
                .apiBase("https://proxy.example").apiVersion("2024-02-01").rpm(7).build();
        CallerCredentials credentials = parse(fields("model", "w", "api_key", "sk-c", "api_base",
                "https://client.example"), true).options().credentials();

        Deployment applied = credentials.applyTo(configured);

        assertThat(applied.apiKey()).contains(Secret.of("sk-c"));
        assertThat(applied.apiBase()).contains("https://client.example");
        assertThat(applied.apiVersion()).contains("2024-02-01");
        assertThat(applied.rpm()).contains(7);
        assertThat(applied.id()).isEqualTo("d1");
    }

    private static Map<String, List<String>> fields(String... namesAndValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return fields;
    }

    private static TranscriptionForm parse(Map<String, List<String>> fields, boolean allowed) {
        return TranscriptionForm.parse(fields, AUDIO, allowed);
    }

    private static void assertRejected(Map<String, List<String>> fields, boolean allowed, String param,
                                       String messagePart) {
        RejectionAssert.assertRejected(() -> parse(fields, allowed), param, messagePart);
    }
}
