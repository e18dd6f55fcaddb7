package dev.voxgate.router;

import dev.voxgate.core.model.AudioInput;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.router.strategy.RoutingStrategy;
import java.util.Random;

/** A router under test: fake clock, recording sleeper, scripted ports and a predictable strategy. */
final class Fixture {

    /** Always the first eligible deployment, so tests know which one an attempt goes to. */
    static final RoutingStrategy FIRST_CANDIDATE = candidates -> candidates.deployments().getFirst();

    final FakeClock clock = new FakeClock();
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final FakeConnector connector = new FakeConnector();

    /** A deployment of {@code group} whose calls {@code port} answers. */
    Deployment deployment(String id, String group, ScriptedPort port) {
        connector.port(id, port);
        return Deployment.builder(id, group, "openai", "whisper-1").build();
    }

    /** A router builder wired to this fixture, without deployments yet. */
    Router.Builder router() {
        return routerWithSettingsStrategy().strategy(FIRST_CANDIDATE);
    }

    /** The same, with the strategy that the router's settings name (a seeded random source makes it repeatable). */
    Router.Builder routerWithSettingsStrategy() {
        return Router.builder()
                .connector(connector)
                .clock(clock)
                .sleeper(sleeper)
                .random(new Random(7));
    }

    /** The text {@code router} transcribes for a request to {@code model}. */
    static String text(Router router, String model) {
        return router.transcribe(request(model)).text();
    }

    static TranscriptionRequest request(String model) {
        return TranscriptionRequest.builder(model, AudioInput.of("hello.wav", new byte[] {1, 2, 3})).build();
    }
}
