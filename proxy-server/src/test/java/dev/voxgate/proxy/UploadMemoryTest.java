package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadMemoryTest {

    private static final int THRESHOLD = 1000;
    private static final ProxySettings SETTINGS = new ProxySettings("127.0.0.1", 0, 100_000, THRESHOLD);
    private static final int BUDGET_IN_UPLOADS = 64;
    private final UploadMemory memory = new UploadMemory(SETTINGS, BUDGET_IN_UPLOADS * THRESHOLD);

    @Test
    void uploadsStayInMemoryUntilTheBudgetIsFullThenGoToDisk() {
        List<UploadMemory.Lease> leases = new ArrayList<>();
        for (int i = 0; i < BUDGET_IN_UPLOADS; i++) {
            leases.add(memory.place(THRESHOLD));
            assertThat(leases.getLast().parsing().getMaxMemoryPartSize()).isEqualTo(THRESHOLD);
        }

        UploadMemory.Lease spooled = memory.place(10);

        assertThat(spooled.parsing().getMaxMemoryPartSize()).isZero();
        assertThat(spooled.parsing().getMaxPartSize()).isEqualTo(100_000);
        assertThat(memory.held()).isEqualTo(BUDGET_IN_UPLOADS * THRESHOLD);
    }

    @Test
    void theBudgetIsHalfTheHeapAndNeverLessThanSixtyFourUploads() {
        long mib = 1024 * 1024;
        ProxySettings defaults = new ProxySettings("127.0.0.1", 0, 25 * mib, (int) mib);
        assertThat(UploadMemory.budgetFor(defaults, 512 * mib)).isEqualTo(256 * mib);
        assertThat(UploadMemory.budgetFor(defaults, 6 * 1024 * mib)).isEqualTo(3 * 1024 * mib);
        assertThat(UploadMemory.budgetFor(defaults, 96 * mib)).isEqualTo(64 * mib);
    }

    @Test
    void closingALeaseGivesItsShareBack() {
        UploadMemory.Lease lease = memory.place(300);
        assertThat(memory.held()).isEqualTo(300);

        lease.close();
        lease.close();

        assertThat(memory.held()).isZero();
    }

    @Test
    void aBodyOfUnknownOrLargeLengthHoldsOneThreshold() {
        memory.place(-1);
        memory.place(50_000);

        assertThat(memory.held()).isEqualTo(2 * THRESHOLD);
    }
}
