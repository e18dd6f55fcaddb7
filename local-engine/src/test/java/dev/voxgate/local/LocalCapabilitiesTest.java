package dev.voxgate.local;

import static dev.voxgate.local.LocalDeployments.clip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TimestampGranularity;
import dev.voxgate.core.model.TranscriptionRequest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a local deployment declares it serves, and that it serves exactly that. */
class LocalCapabilitiesTest {

    private static TranscriptionPort local;

    @BeforeAll
    static void loadTheModelOnce() {
        local = LocalDeployments.bundled();
    }

    private static TranscriptionRequest.Builder request() {
        return TranscriptionRequest.builder("local", AudioInput.of(clip("quick-brown-fox.wav")));
    }

    private static InvalidRequest refusal(TranscriptionPort port, TranscriptionRequest request) {
        TranscriptionException thrown = catchThrowableOfType(TranscriptionException.class,
                () -> port.transcribe(request));
        assertThat(thrown).as("the call should be refused").isNotNull();
        assertThat(thrown.failure()).isInstanceOf(InvalidRequest.class);
        return (InvalidRequest) thrown.failure();
    }

    @Test
    void declaresTranscriptionInEveryFormatButDiarizedJsonWithTimingsAndAnHourOfAudio() {
        assertThat(local.capabilities()).isEqualTo(Capabilities.builder()
                .nativeFormats(EnumSet.of(ResponseFormat.JSON, ResponseFormat.TEXT, ResponseFormat.SRT,
                        ResponseFormat.VTT, ResponseFormat.VERBOSE_JSON))
                .wordTimestamps(true).segmentTimestamps(true).maxAudio(Duration.ofMinutes(60))
                .params(Set.of("language", "prompt", "temperature", "timestamp_granularities")).build());
        assertThat(local.capabilities().tasks()).containsExactly(AudioTask.TRANSCRIBE);
        assertThat(local.capabilities().streaming()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ResponseFormat.class)
    void servesExactlyTheFormatsItDeclares(ResponseFormat format) {
        TranscriptionRequest request = request().responseFormat(format).build();

        if (local.capabilities().responseFormats().contains(format)) {
            assertThat(local.transcribe(request).text()).isEqualTo(LocalEngineTest.FOX);
        } else {
            assertThat(refusal(local, request).param()).contains("response_format");
        }
    }

    @Test
    void takesTheStandardFieldsItDeclares() {
        TranscriptionRequest request = request().language("en").prompt("fox").temperature(0.2)
                .responseFormat(ResponseFormat.VERBOSE_JSON)
                .timestampGranularities(List.of(TimestampGranularity.WORD, TimestampGranularity.SEGMENT)).build();

        assertThat(local.transcribe(request).words()).isNotEmpty();
    }

    @Test
    void vendorParameterIsRefusedUnlessTheDeploymentDropsParams() {
        TranscriptionRequest request = request().providerParam("diarize", "true").build();

        assertThat(refusal(local, request).param()).contains("diarize");
        TranscriptionPort dropping = LocalDeployments.port(
                LocalDeployments.deployment(LocalProviderFactory.BUNDLED_MODEL).dropParams(true).build());
        assertThat(dropping.transcribe(request).text()).isEqualTo(LocalEngineTest.FOX);
    }

    @Test
    void neitherTranslatesNorStreams() {
        TranscriptionRequest request = request().build();

        assertThat(catchThrowableOfType(TranscriptionException.class, () -> local.translate(request))).isNotNull();
        assertThat(catchThrowableOfType(TranscriptionException.class,
                () -> local.transcribeStreaming(request, delta -> { }))).isNotNull();
    }
}
