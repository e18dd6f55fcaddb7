package dev.voxgate.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that parsing refuses a request with a 400 naming the field, for the form tests. */
final class RejectionAssert {

    private RejectionAssert() {
    }

    static void assertRejected(ThrowingCallable parse, String param, String messagePart) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(RequestRejected.class, rejected -> {
            assertThat(rejected.error().status()).isEqualTo(400);
            assertThat(rejected.error().param()).contains(param);
            assertThat(rejected.error().message()).contains(messagePart);
        });
    }
}
