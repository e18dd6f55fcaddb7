package dev.voxgate.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamErrorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"err_code\":\"INVALID_AUTH\",\"err_msg\":\"Invalid credentials.\",\"request_id\":\"r1\"} | Invalid credentials.",
        "{\"err_code\":\"TOO_MANY_REQUESTS\",\"request_id\":\"r1\"}                                   | TOO_MANY_REQUESTS",
        "{\"category\":\"INVALID_AUTH\",\"message\":\"Invalid credentials.\",\"details\":\"Invalid credentials.\"} | Invalid credentials.",
        "{\"category\":\"X\",\"message\":\"Bad.\",\"details\":\"missing model\",\"request_id\":\"r1\"} | Bad. (missing model)",
        "{\"category\":\"X\",\"details\":\"missing model\"}                                          | missing model"})
    void deepgramEnvelopesAreRead(String body, String message) {
        UpstreamError error = UpstreamError.parse(body);

        assertThat(error.message()).contains(message);
        assertThat(error.param()).isEqualTo(Optional.empty());
    }
}
