package dev.voxgate.proxy;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much memory the uploads in flight may hold together. Each upload up to the in-memory threshold stays in
 * Jetty's (direct) network buffers while the budget has room for it; past the budget, uploads are spooled to temp
 * files by Jetty as they stream in. Without it, memory grows with the number of uploads in flight.
 *
 * <p>The budget is half of what the JVM allows for direct buffers ({@code -XX:MaxDirectMemorySize}, by default the
 * maximum heap), and at least {@value #MIN_BUDGET_IN_UPLOADS} uploads of the threshold. Spooling is the expensive side: on the benchmark's
 * machine a spooled upload cost about 2 ms of CPU in file-system calls (create, rename, reopen, delete), against
 * 0.3 ms for a whole request kept in memory; with a 64 MiB budget, 2,000 uploads of 100 KiB in flight had 1,360 of
 * them spooled and the proxy passed 56% of the upstream's throughput.
 *
 * <p>Thread-safe; one per server.
 */
final class UploadMemory {

    /** The least budget, in uploads of the in-memory threshold: 64 MiB with the default 1 MiB threshold. */
    static final int MIN_BUDGET_IN_UPLOADS = 64;

    private final long perUpload;
    private final long budget;
    private final AtomicLong held = new AtomicLong();
    private final MultipartConfigElement inMemory;
    private final MultipartConfigElement spooled;

    UploadMemory(ProxySettings settings) {
        this(settings, budgetFor(settings, directMemoryLimit()));
    }

    UploadMemory(ProxySettings settings, long budget) {
        this.perUpload = settings.inMemoryBytes();
        this.budget = budget;
        String directory = System.getProperty("java.io.tmpdir");
        this.inMemory = new MultipartConfigElement(directory, settings.maxUploadBytes(), settings.maxRequestBytes(),
                settings.inMemoryBytes());
        this.spooled = new MultipartConfigElement(directory, settings.maxUploadBytes(), settings.maxRequestBytes(), 0);
    }

    /**
     * Decides, before the body is read, whether this request's upload may stay in memory, and configures Jetty's
     * multipart parsing for it. Close the returned lease when the request ends.
     */
    Lease place(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        // A body of unknown length may be as large as any upload that stays in memory.
        long need = declared < 0 ? perUpload : Math.min(declared, perUpload);
        boolean granted = reserve(need);
        request.setAttribute(MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE, granted ? inMemory : spooled);
        return new Lease(granted ? need : 0);
    }

    /** The budget for a JVM that allows {@code directLimit} bytes of direct buffers. */
    static long budgetFor(ProxySettings settings, long directLimit) {
        return Math.max((long) settings.inMemoryBytes() * MIN_BUDGET_IN_UPLOADS, directLimit / 2);
    }

    private static long directMemoryLimit() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        long configured = vm == null ? 0 : Long.parseLong(vm.getVMOption("MaxDirectMemorySize").getValue());
        return configured > 0 ? configured : Runtime.getRuntime().maxMemory();
    }

    /** Bytes held by uploads in memory now. */
    long held() {
        return held.get();
    }

    private boolean reserve(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > budget) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    /** One request's share of the budget; closing it gives the share back. Not thread-safe. */
    final class Lease implements AutoCloseable {
        private long bytes;

        private Lease(long bytes) {
            this.bytes = bytes;
        }

        /** Uploads up to this size stay in memory for this request; 0 when it is spooled to disk. */
        long inMemoryLimit() {
            return bytes == 0 ? 0 : perUpload;
        }

        @Override
        public void close() {
            held.addAndGet(-bytes);
            bytes = 0;
        }
    }
}
