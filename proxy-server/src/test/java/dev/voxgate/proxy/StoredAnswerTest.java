package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A cached answer survives its bytes; bytes it did not write are no answer. */
class StoredAnswerTest {

    @Test
    void anAnswerReadsBackAsItWasKept() {
        StoredAnswer answer = new StoredAnswer("text/vtt; charset=utf-8",
                "WEBVTT\n\n00:00.000 --> 00:01.000\nZoë\n".getBytes(StandardCharsets.UTF_8));

        StoredAnswer read = StoredAnswer.decode(answer.encode()).orElseThrow();

        assertThat(read.contentType()).isEqualTo(answer.contentType());
        assertThat(read.body()).isEqualTo(answer.body());
    }

    @Test
    void foreignOrCutBytesAreNoAnswer() {
        byte[] encoded = new StoredAnswer("application/json", new byte[]{'{', '}'}).encode();

        assertThat(StoredAnswer.decode(new byte[0])).isEmpty();
        assertThat(StoredAnswer.decode(new byte[]{2, 0, 0, 0, 0, '{', '}'})).as("another layout").isEmpty();
        assertThat(StoredAnswer.decode("{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(StoredAnswer.decode(java.util.Arrays.copyOf(encoded, 8))).isEmpty();
    }
}
