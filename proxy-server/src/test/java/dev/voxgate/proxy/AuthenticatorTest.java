package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.model.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private final Authenticator authenticator = new Authenticator(Optional.of(Secret.of("sk-1234")));

    @Test
    void bearerTokenMatchingTheMasterKeyIsLetIn() {
        assertThat(authenticator.check("Bearer sk-1234", null)).isEmpty();
        assertThat(authenticator.check("bearer sk-1234", null)).isEmpty();
    }

    @Test
    void azureStyleApiKeyHeaderIsLetIn() {
        assertThat(authenticator.check(null, "sk-1234")).isEmpty();
    }

    @Test
    void wrongKeyIsRefusedWith401WithoutEchoingIt() {
        Optional<OpenAiError> error = authenticator.check("Bearer sk-12345", null);

        assertThat(error).get().satisfies(refusal -> {
            assertThat(refusal.status()).isEqualTo(401);
            assertThat(refusal.message()).startsWith("Invalid API key").doesNotContain("sk-1234");
            assertThat(refusal.code()).contains("invalid_api_key");
        });
    }

    @Test
    void missingOrEmptyKeyIsRefusedSayingHowToSendIt() {
        assertThat(authenticator.check(null, null)).get()
                .satisfies(refusal -> assertThat(refusal.message()).contains("Authorization: Bearer <key>"));
        assertThat(authenticator.check("Bearer   ", null)).get()
                .satisfies(refusal -> assertThat(refusal.message()).startsWith("Missing API key"));
        assertThat(authenticator.check("Basic c2stMTIzNA==", null)).get()
                .satisfies(refusal -> assertThat(refusal.status()).isEqualTo(401));
    }

    @Test
    void oversizedKeyIsRefusedWithoutComparingIt() {
        assertThat(authenticator.check("Bearer " + "x".repeat(10_000), null)).get()
                .satisfies(refusal -> assertThat(refusal.status()).isEqualTo(401));
    }

    @Test
    void withoutMasterKeyEveryoneIsLetIn() {
        Authenticator open = new Authenticator(Optional.empty());

        assertThat(open.check(null, null)).isEmpty();
        assertThat(open.check("Bearer anything", null)).isEmpty();
        assertThat(open.check(null, "anything")).isEmpty();
        assertThat(open.check("Basic c2stMTIzNA==", null)).isEmpty();
    }
}
