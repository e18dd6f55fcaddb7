package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.model.Secret;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private final Authenticator authenticator = new Authenticator(Optional.of(Secret.of("sk-1234")));

    @Test
    void bearerTokenMatchingTheMasterKeyIsLetIn() {
        assertThat(authenticator.identify("Bearer sk-1234", null)).isInstanceOf(Caller.Master.class);
        assertThat(authenticator.identify("bearer sk-1234", null)).isInstanceOf(Caller.Master.class);
    }

    @Test
    void azureStyleApiKeyHeaderIsLetIn() {
        assertThat(authenticator.identify(null, "sk-1234")).isInstanceOf(Caller.Master.class);
    }

    @Test
    void wrongKeyIsRefusedWith401WithoutEchoingIt() {
        OpenAiError refusal = refusal("Bearer sk-12345", null);

        assertThat(refusal.status()).isEqualTo(401);
        assertThat(refusal.message()).startsWith("Invalid API key").doesNotContain("sk-1234");
        assertThat(refusal.code()).contains("invalid_api_key");
    }

    @Test
    void missingOrEmptyKeyIsRefusedSayingHowToSendIt() {
        assertThat(refusal(null, null).message()).contains("Authorization: Bearer <key>");
        assertThat(refusal("Bearer   ", null).message()).startsWith("Missing API key");
        assertThat(refusal("Basic c2stMTIzNA==", null).status()).isEqualTo(401);
    }

    @Test
    void oversizedKeyIsRefusedWithoutComparingIt() {
        assertThat(refusal("Bearer " + "x".repeat(10_000), null).status()).isEqualTo(401);
    }

    @Test
    void withoutMasterKeyEveryoneIsLetIn() {
        Authenticator open = new Authenticator(Optional.empty());

        assertThat(open.identify(null, null)).isInstanceOf(Caller.Anyone.class);
        assertThat(open.identify("Bearer anything", null)).isInstanceOf(Caller.Anyone.class);
        assertThat(open.identify(null, "anything")).isInstanceOf(Caller.Anyone.class);
        assertThat(open.identify("Basic c2stMTIzNA==", null)).isInstanceOf(Caller.Anyone.class);
    }

    private OpenAiError refusal(String authorization, String apiKey) {
        return catchThrowableOfType(RequestRejected.class, () -> authenticator.identify(authorization, apiKey))
                .error();
    }
}
