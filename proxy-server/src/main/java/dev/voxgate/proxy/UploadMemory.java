package dev.voxgate.proxy;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.MultiPartConfig;

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

    /** The most parts a form may have (the servlet API's default limit on form keys). */
    static final int MAX_FORM_PARTS = 1000;

    /** The least budget, in uploads of the in-memory threshold: 64 MiB with the default 1 MiB threshold. */
    static final int MIN_BUDGET_IN_UPLOADS = 64;

    private final long perUpload;
    private final long budget;
    private final AtomicLong held = new AtomicLong();
    private final MultiPartConfig inMemory;
    private final MultiPartConfig spooled;

    UploadMemory(ProxySettings settings) {
        this(settings, budgetFor(settings, directMemoryLimit()));
    }

    UploadMemory(ProxySettings settings, long budget) {
        this.perUpload = settings.inMemoryBytes();
        this.budget = budget;
        this.inMemory = parsing(settings, settings.inMemoryBytes());
        this.spooled = parsing(settings, 0);
    }

    // Text fields follow the same threshold as files (Jetty has one for both); UploadedForm caps them in all.
    private static MultiPartConfig parsing(ProxySettings settings, long inMemoryPartBytes) {
        return new MultiPartConfig.Builder()
                .location(Path.of(System.getProperty("java.io.tmpdir")))
                .maxPartSize(settings.maxUploadBytes())
                .maxSize(settings.maxRequestBytes())
                .maxMemoryPartSize(inMemoryPartBytes)
                .maxParts(MAX_FORM_PARTS)
                .useFilesForPartsWithoutFileName(true)
                .build();
    }

    /**
     * Decides, before the body is read, whether an upload whose request declares {@code declaredLength} bytes (-1:
     * unknown) may stay in memory. Parse the body as {@link Lease#parsing()} says; close the lease when the request
     * ends.
     */
    Lease place(long declaredLength) {
        // A body of unknown length may be as large as any upload that stays in memory.
        long need = declaredLength < 0 ? perUpload : Math.min(declaredLength, perUpload);
        return reserve(need) ? new Lease(need, inMemory) : new Lease(0, spooled);
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

    /** The most bytes the uploads in flight may hold in memory together. */
    long budget() {
        return budget;
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
        private final MultiPartConfig parsing;

        private Lease(long bytes, MultiPartConfig parsing) {
            this.bytes = bytes;
            this.parsing = parsing;
        }

        /** How to parse this request's body: where its parts may be kept, and its size limits. */
        MultiPartConfig parsing() {
            return parsing;
        }

        @Override
        public void close() {
            held.addAndGet(-bytes);
            bytes = 0;
        }
    }
}
