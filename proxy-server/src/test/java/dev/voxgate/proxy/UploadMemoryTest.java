package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.util.MultipartUtil;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
            Request request = new Request(THRESHOLD);
            leases.add(memory.place(request.servlet()));
            assertThat(leases.getLast().inMemoryLimit()).isEqualTo(THRESHOLD);
            assertThat(request.config().getFileSizeThreshold()).isEqualTo(THRESHOLD);
        }

        Request overBudget = new Request(10);
        UploadMemory.Lease spooled = memory.place(overBudget.servlet());

        assertThat(spooled.inMemoryLimit()).isZero();
        assertThat(overBudget.config().getFileSizeThreshold()).isZero();
        assertThat(overBudget.config().getMaxFileSize()).isEqualTo(100_000);
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
        UploadMemory.Lease lease = memory.place(new Request(300).servlet());
        assertThat(memory.held()).isEqualTo(300);

        lease.close();
        lease.close();

        assertThat(memory.held()).isZero();
    }

    @Test
    void aBodyOfUnknownOrLargeLengthHoldsOneThreshold() {
        memory.place(new Request(-1).servlet());
        memory.place(new Request(50_000).servlet());

        assertThat(memory.held()).isEqualTo(2 * THRESHOLD);
    }

    /** The two things UploadMemory touches on a request: its declared length and its attributes. */
    private static final class Request {
        private final long length;
        private final Map<String, Object> attributes = new HashMap<>();

        Request(long length) {
            this.length = length;
        }

        HttpServletRequest servlet() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "getContentLengthLong" -> length;
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "getAttribute" -> attributes.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        MultipartConfigElement config() {
            return (MultipartConfigElement) attributes.get(MultipartUtil.MULTIPART_CONFIG_ATTRIBUTE);
        }
    }
}
