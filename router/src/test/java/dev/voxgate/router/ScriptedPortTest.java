package dev.voxgate.router;

import static dev.voxgate.router.Fixture.text;
import static dev.voxgate.router.ScriptedPort.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fixture every router test stands on: a script is followed exactly, or the test fails. */
class ScriptedPortTest {

    private final Fixture fixture = new Fixture();

    @Test
    void aCallBeyondTheScriptFailsTheTestNamingTheDeploymentAndTheCall() {
        Router router = fixture.router().deployment(fixture.deployment("a", "whisper", port().answers("once"))).build();

        assertThat(text(router, "whisper")).isEqualTo("once");
        assertThatThrownBy(() -> text(router, "whisper"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("deployment 'a' got call 2, but its script has 1 step");
    }

    @Test
    void aScriptThatRepeatsAnswersEveryFurtherCallWithItsLastStep() {
        ScriptedPort port = port().answers("first").answers("then always").repeats();
        Router router = fixture.router().deployment(fixture.deployment("a", "whisper", port)).build();

        assertThat(text(router, "whisper")).isEqualTo("first");
        for (int i = 0; i < 3; i++) {
            assertThat(text(router, "whisper")).isEqualTo("then always");
        }
        assertThat(port.calls()).isEqualTo(4);
    }
}
