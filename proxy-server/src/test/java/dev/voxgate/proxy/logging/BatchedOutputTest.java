package dev.voxgate.proxy.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchedOutputTest {

    /** The process's output as the test sees it: what arrived, and in how many writes. */
    private static final class Console extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final AtomicInteger writes = new AtomicInteger();

        @Override
        public synchronized void write(int b) {
            writes.incrementAndGet();
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void linesArriveWithoutAFlushAndInTheOrderEachThreadWroteThem() throws Exception {
        Console console = new Console();
        BatchedOutput output = new BatchedOutput(console, "test-log-writer");
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 200; i++) {
                    byte[] line = ("t" + thread + " " + i + "\n").getBytes(StandardCharsets.UTF_8);
                    try {
                        output.write(line, 0, line.length);
                        output.flush();
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (console.text().lines().count() < 1600 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        List<String> lines = console.text().lines().toList();
        assertThat(lines).hasSize(1600);
        for (int t = 0; t < 8; t++) {
            String prefix = "t" + t + " ";
            assertThat(lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(
                    prefix.length())).map(Integer::parseInt).toList()).isSorted().hasSize(200);
        }
        // Lines written together go out together: far fewer writes than lines.
        assertThat(console.writes.get()).isLessThan(1600 / 4);
    }

    @Test
    void closeWritesOutWhatWaitsAndLaterLinesGoStraightThrough() throws Exception {
        Console console = new Console();
        BatchedOutput output = new BatchedOutput(console, "test-log-writer");
        output.write("first\n".getBytes(StandardCharsets.UTF_8));

        output.close();
        assertThat(console.text()).isEqualTo("first\n");
        assertThat(output.isClosed()).isTrue();

        output.write("after\n".getBytes(StandardCharsets.UTF_8));
        assertThat(console.text()).isEqualTo("first\nafter\n");
    }

    @Test
    void moreThanTheBoundWaitingIsWrittenByTheWriterItself() throws Exception {
        Console console = new Console();
        BatchedOutput output = new BatchedOutput(console, "test-log-writer");
        byte[] big = new byte[BatchedOutput.MAX_PENDING + 1];
        java.util.Arrays.fill(big, (byte) 'x');

        output.write(big);

        assertThat(console.text()).hasSize(big.length);
    }
}
