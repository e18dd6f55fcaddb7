package dev.voxgate.router;

import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.error.TranscriptionFailure.RateLimited;
import dev.voxgate.core.error.TranscriptionFailure.UpstreamUnavailable;
import dev.voxgate.core.model.Deployment;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code order}: priority tiers, lowest value first. */
class RouterOrderTest {

    private static final RateLimited RATE_LIMITED = new RateLimited("429 slow down", Optional.empty());

    private final Fixture fixture = new Fixture();

    @Test
    void aLowerTierServesOnlyWhenEveryDeploymentOfTheHigherTierIsUnavailable() {
        ScriptedPort first = port().fails(RATE_LIMITED).answers("from a");
        ScriptedPort second = port().answers("from b").fails(RATE_LIMITED).answers("from b");
        ScriptedPort backup = port().answers("from c").repeats();
        Router router = fixture.router()
                .deployment(ordered("c", backup, 2))
                .deployment(ordered("a", first, 1))
                .deployment(ordered("b", second, 1))
                .build();

        // a is rate-limited and rests; b is still there in tier 1, so the retry goes to b, not to c.
        assertThat(text(router, "whisper")).isEqualTo("from b");
        assertThat(backup.calls()).isZero();
        // Now b is rate-limited too: all of tier 1 rests, and tier 2 serves until the first of it is back.
        assertThat(text(router, "whisper")).isEqualTo("from c");
        assertThat(text(router, "whisper")).isEqualTo("from c");
        fixture.clock.advance(Duration.ofSeconds(5));
        assertThat(text(router, "whisper")).isEqualTo("from a");
    }

    @Test
    void aRetryMovesToTheNextTierOnceTheHigherTierWasTried() {
        ScriptedPort primary = port().fails(new UpstreamUnavailable("503", OptionalInt.of(503)));
        ScriptedPort secondary = port().answers("from tier 2");
        Router router = fixture.router()
                .deployment(ordered("tier2", secondary, 2))
                .deployment(ordered("tier1", primary, 1))
                .build();

        assertThat(text(router, "whisper")).isEqualTo("from tier 2");
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(fixture.sleeper.waits()).isEmpty();
    }

    @Test
    void deploymentsWithoutAnOrderComeAfterEveryTier() {
        ScriptedPort unordered = port().answers("unordered");
        ScriptedPort ordered = port().answers("ordered").repeats();
        Router router = fixture.routerWithSettingsStrategy()
                .deployment(fixture.deployment("u", "whisper", unordered))
                .deployment(ordered("o", ordered, 5))
                .build();

        for (int i = 0; i < 20; i++) {
            assertThat(text(router, "whisper")).isEqualTo("ordered");
        }
    }

    private Deployment ordered(String id, ScriptedPort port, int order) {
        return fixture.deployment(id, "whisper", port).toBuilder().order(order).build();
    }
}
