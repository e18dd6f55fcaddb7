package dev.voxgate.it;

import dev.voxgate.providers.fakes.FakeAssemblyAi;
import dev.voxgate.providers.fakes.FakeGemini;
import dev.voxgate.providers.fakes.FakeJobVendor;
import dev.voxgate.providers.fakes.FakeSoniox;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A job-style vendor's strict fake (from the providers' tests) on a loopback port, measuring the WAV it is sent as
 * the vendor would.
 *
 * @param <V> the fake vendor
 */
final class LoopbackJobVendor<V extends FakeJobVendor> extends LoopbackVendor {

    private final V vendor;

    private LoopbackJobVendor(V vendor) {
        this.vendor = vendor;
    }

    static LoopbackJobVendor<FakeAssemblyAi> assemblyAi(String key, String transcript) {
        return new LoopbackJobVendor<>(new FakeAssemblyAi(key, transcript, LoopbackJobVendor::measure));
    }

    static LoopbackJobVendor<FakeSoniox> soniox(String key, String transcript) {
        return new LoopbackJobVendor<>(new FakeSoniox(key, transcript, LoopbackJobVendor::measure));
    }

    static LoopbackJobVendor<FakeGemini> gemini(String key, String transcript) {
        return new LoopbackJobVendor<>(new FakeGemini(key, transcript, LoopbackJobVendor::measure));
    }

    private static double measure(byte[] audio) {
        return wavSeconds(audio).orElse(0);
    }

    V vendor() {
        return vendor;
    }

    /** The vendor's base URL, its host. */
    String baseUrl() {
        return root("");
    }

    /** Waits (the deletions run after the answer, on a thread of their own) until no job is left at the vendor. */
    List<String> jobsLeftAfter(Duration patience) throws InterruptedException {
        return List.copyOf(leftAfter(vendor::jobsLeft, patience));
    }

    /**
     * What {@code left} still names once it is empty or {@code patience} has passed: the vendor's copies are deleted
     * after the answer, on a thread of their own (the file just after its job).
     */
    static <T extends java.util.Collection<String>> T leftAfter(java.util.function.Supplier<T> left, Duration patience)
            throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (!left.get().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return left.get();
    }

    @Override
    protected MockResponse answer(RecordedRequest request) {
        return vendor.dispatch(request);
    }
}
