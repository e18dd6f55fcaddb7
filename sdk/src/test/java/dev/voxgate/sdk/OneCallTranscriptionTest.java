package dev.voxgate.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxgate.core.EnvironmentSource;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.CallerCredentials;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.CallOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Voxgate#transcription} on the router shared by one-call transcriptions of one environment: direct names,
 * the caller's own credentials, fallbacks, and what one call leaves for the next.
 */
class OneCallTranscriptionTest {

    private static final String KEY = "sk-environment-0123456789";
    private static final String CALLERS_KEY = "sk-callers-own-0123456789";
    private static final AudioInput AUDIO = AudioInput.of("a.wav", new byte[] {1, 2, 3});

    private final FakeOpenAi openAi = new FakeOpenAi(KEY, "hello");
    private final EnvironmentSource environment = openAi.environment(KEY);

    @AfterEach
    void stop() {
        openAi.close();
    }

    @Test
    void providerModelAndBareOpenAiNamesAreRoutedDirectly() {
        assertThat(transcribe("openai/whisper-1", options().build()).text()).isEqualTo("hello");
        assertThat(transcribe("gpt-4o-transcribe", options().build()).text()).isEqualTo("hello");

        assertThat(openAi.seen()).extracting(FakeOpenAi.Seen::model).containsExactly("whisper-1", "gpt-4o-transcribe");
    }

    @Test
    void numRetriesIsTheCallsOwnAndAppliesOnce() {
        openAi.fail("whisper-1", 503);

        assertFailure(() -> transcribe("openai/whisper-1", options().call(call -> call.numRetries(0)).build()),
                TranscriptionFailure.UpstreamUnavailable.class);

        assertThat(openAi.seen()).hasSize(1);
    }

    @Test
    void theCallersOwnKeyGoesToTheVendorForItsCallOnly() {
        assertFailure(() -> transcribe("whisper-1", options().apiKey(CALLERS_KEY).build()),
                TranscriptionFailure.AuthenticationFailed.class);
        transcribe("whisper-1", options().build());

        assertThat(openAi.seen()).extracting(FakeOpenAi.Seen::authorization)
                .containsExactly("Bearer " + CALLERS_KEY, "Bearer " + KEY);
    }

    @Test
    void theCallersOwnBaseIsCalledWithItsOwnKey() {
        try (FakeOpenAi elsewhere = new FakeOpenAi(CALLERS_KEY, "from elsewhere")) {
            assertThat(transcribe("whisper-1", options().apiKey(CALLERS_KEY).apiBase(elsewhere.baseUrl()).build())
                    .text()).isEqualTo("from elsewhere");

            assertThat(elsewhere.seen()).hasSize(1);
            assertThat(openAi.seen()).isEmpty();
        }
    }

    @Test
    void aCallersWrongKeyRestsNothingForTheCallsAfterIt() {
        for (int i = 0; i < 6; i++) {
            assertFailure(() -> transcribe("whisper-1", options().apiKey(CALLERS_KEY).call(call -> call.numRetries(0))
                    .build()), TranscriptionFailure.AuthenticationFailed.class);
        }

        assertThat(transcribe("whisper-1", options().build()).text()).isEqualTo("hello");
        assertThat(openAi.seen()).hasSize(7);
    }

    @Test
    void failuresOnTheEnvironmentsKeyRestTheModelForLaterCallsOnThatEnvironmentOnly() {
        openAi.fail("whisper-1", 503);
        int calls = 0;
        // Rests after more than allowed_fails (3) failures in one minute; a minute may turn in between.
        while (calls < 9 && failureOf(() -> transcribe("whisper-1", options().call(call -> call.numRetries(0))
                .build())) instanceof TranscriptionFailure.UpstreamUnavailable) {
            calls++;
        }
        int reached = openAi.seen().size();

        assertFailure(() -> transcribe("whisper-1", options().build()), TranscriptionFailure.NoHealthyDeployment.class);
        assertThat(openAi.seen()).hasSize(reached);
        assertFailure(() -> Voxgate.transcription("whisper-1", AUDIO, TranscriptionOptions.builder()
                .environment(openAi.environment(KEY)).call(call -> call.numRetries(0)).build()),
                TranscriptionFailure.UpstreamUnavailable.class);
        assertThat(openAi.seen()).hasSize(reached + 1);
    }

    @Test
    void fallbacksAreDirectNamesOnTheSameRouter() {
        openAi.fail("whisper-1", 503);

        assertThat(transcribe("openai/whisper-1", options()
                .call(call -> call.numRetries(0).fallbacks(List.of("gpt-4o-transcribe"))).build()).text())
                .isEqualTo("hello");

        assertThat(openAi.seen()).extracting(FakeOpenAi.Seen::model).containsExactly("whisper-1", "gpt-4o-transcribe");
    }

    @Test
    void anUnknownProviderInTheModelOrAFallbackFailsBeforeAnythingIsCalled() {
        assertThatThrownBy(() -> transcribe("nosuch/whisper", options().build()))
                .isInstanceOfSatisfying(TranscriptionException.class, e -> assertThat(e.failure())
                        .isInstanceOf(TranscriptionFailure.ModelNotFound.class))
                .hasMessageContaining("unknown provider in model 'nosuch/whisper'").hasMessageContaining("azure");
        assertFailure(() -> transcribe("whisper-1", options().call(call -> call.fallbacks(List.of("nosuch/x")))
                .build()), TranscriptionFailure.ModelNotFound.class);

        assertThat(openAi.seen()).isEmpty();
    }

    @Test
    void aCoreRequestWithTheRoutersCallOptionsIsTranscribedAsItSays() {
        CallerCredentials own = new CallerCredentials(Optional.of(Secret.of(KEY)), Optional.of(openAi.baseUrl()),
                Optional.empty());

        Transcription transcription = Voxgate.transcription(TranscriptionRequest.builder("whisper-1", AUDIO)
                .prompt("Voxgate.").build(), CallOptions.builder().credentials(own).numRetries(0).build());

        assertThat(transcription.text()).isEqualTo("hello");
        assertThat(openAi.seen()).extracting(FakeOpenAi.Seen::authorization).containsExactly("Bearer " + KEY);
    }

    @Test
    void theAsynchronousCallAnswersTheSame() throws Exception {
        assertThat(Voxgate.transcriptionAsync("whisper-1", AUDIO, options().build()).get(10, TimeUnit.SECONDS).text())
                .isEqualTo("hello");
    }

    private TranscriptionOptions.Builder options() {
        return TranscriptionOptions.builder().environment(environment);
    }

    private static Transcription transcribe(String model, TranscriptionOptions options) {
        return Voxgate.transcription(model, AUDIO, options);
    }

    private static TranscriptionFailure failureOf(Runnable call) {
        try {
            call.run();
            return null;
        } catch (TranscriptionException e) {
            return e.failure();
        }
    }

    private static void assertFailure(Runnable call, Class<? extends TranscriptionFailure> kind) {
        assertThat(failureOf(call)).isInstanceOf(kind);
    }
}
