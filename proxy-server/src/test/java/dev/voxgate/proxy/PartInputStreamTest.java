package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.junit.jupiter.api.Test;

class PartInputStreamTest {

    private final AtomicInteger released = new AtomicInteger();

    @Test
    void readsEveryChunkOfThePartInOrderAndAgainForEveryStream() throws IOException {
        MultiPart.Part part = part("RIFF", "....", "WAVE");

        for (int pass = 0; pass < 2; pass++) {
            try (InputStream in = new PartInputStream(part)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("RIFF....WAVE");
                assertThat(in.read()).isEqualTo(-1);
            }
        }
    }

    @Test
    void closingBeforeTheEndGivesEveryChunkBackOnceThePartIsClosed() throws IOException {
        MultiPart.Part part = part("RIFF", "....", "WAVE");

        try (InputStream in = new PartInputStream(part)) {
            assertThat(in.readNBytes(2)).containsExactly('R', 'I');
        }
        part.close();

        assertThat(released).hasValue(3);
    }

    @Test
    void aPartAlreadyClosedCannotBeOpenedAgain() {
        MultiPart.Part part = part("RIFF");
        part.close();

        assertThatThrownBy(() -> new PartInputStream(part)).isInstanceOf(IOException.class)
                .hasMessageContaining("can no longer be read");
    }

    private MultiPart.Part part(String... pieces) {
        List<Content.Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            chunks.add(Content.Chunk.from(ByteBuffer.wrap(pieces[i].getBytes(StandardCharsets.US_ASCII)),
                    i == pieces.length - 1, released::incrementAndGet));
        }
        MultiPart.Part part = new MultiPart.ChunksPart("file", "a.wav", HttpFields.EMPTY, chunks);
        chunks.forEach(Content.Chunk::release); // as Jetty's parser does: the part holds its own references
        return part;
    }
}
