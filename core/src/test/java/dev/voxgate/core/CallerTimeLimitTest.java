package dev.voxgate.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerTimeLimitTest {

    @Test
    void onlyTheCallInsideBoundingIsBoundedEvenWhenItThrows() {
        assertThat(CallerTimeLimit.bounded()).isFalse();
        assertThat(CallerTimeLimit.bounding(CallerTimeLimit::bounded)).isTrue();
        assertThatThrownBy(() -> CallerTimeLimit.bounding(() -> {
            throw new IllegalStateException("the port failed");
        })).hasMessage("the port failed");
        assertThat(CallerTimeLimit.bounded()).isFalse();
    }

    @Test
    void aNestedBoundingLeavesTheOuterOneBounded() {
        boolean afterInner = CallerTimeLimit.bounding(() -> {
            CallerTimeLimit.bounding(() -> true);
            return CallerTimeLimit.bounded();
        });
        assertThat(afterInner).isTrue();
    }

    @Test
    void theMarkIsTheThreadsOwn() throws InterruptedException {
        boolean[] elsewhere = new boolean[1];
        CallerTimeLimit.bounding(() -> {
            Thread other = Thread.ofVirtual().start(() -> elsewhere[0] = CallerTimeLimit.bounded());
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });
        assertThat(elsewhere[0]).isFalse();
    }
}
