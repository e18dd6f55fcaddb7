package dev.voxgate.router;

import static dev.voxgate.router.Fixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link RoutingListener#handoff}: what a listener binds to the routing thread reaches the thread the router hands an
 * attempt or an asynchronous call to, as a trace context must reach the vendor call.
 */
class RoutingListenerHandoffTest {

    private static final ThreadLocal<String> BOUND = new ThreadLocal<>();

    private final List<String> seenByPort = new CopyOnWriteArrayList<>();
    private final List<String> portThreads = new CopyOnWriteArrayList<>();
    private final Deployment deployment = Deployment.builder("a", "whisper", "openai", "whisper-1").build();
    private final TranscriptionPort port = request -> {
        seenByPort.add(String.valueOf(BOUND.get()));
        portThreads.add(Thread.currentThread().getName());
        return Transcription.ofText("hello");
    };

    /** Binds a value to the routing thread when an attempt starts, and carries it across when asked to. */
    private static final class BindingListener implements RoutingListener {
        private final boolean carries;

        BindingListener(boolean carries) {
            this.carries = carries;
        }

        @Override
        public void attemptStarted(AttemptStarted event) {
            BOUND.set("attempt on " + event.deployment().id());
        }

        @Override
        public void attemptEnded(AttemptEnded event) {
            BOUND.remove();
        }

        @Override
        public Runnable handoff(Runnable task) {
            if (!carries) {
                return task;
            }
            String value = BOUND.get();
            return () -> {
                BOUND.set(value);
                try {
                    task.run();
                } finally {
                    BOUND.remove();
                }
            };
        }
    }

    @Test
    void anAttemptOfAPlatformThreadCallerRunsElsewhereWithWhatTheListenerCarriedAcross() {
        Router router = Router.builder().deployment(deployment, port).listener(new BindingListener(true)).build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");

        assertThat(portThreads).singleElement().asString().startsWith("voxgate-attempt-");
        assertThat(seenByPort).containsExactly("attempt on a");
    }

    @Test
    void withoutAHandoffTheAttemptThreadHoldsNothingOfTheRoutingThread() {
        Router router = Router.builder().deployment(deployment, port).listener(new BindingListener(false)).build();

        router.transcribe(request("whisper"));

        assertThat(seenByPort).containsExactly("null");
    }

    @Test
    void anAsynchronousCallCarriesWhatTheCallerHeldWhenItAsked() throws Exception {
        Router router = Router.builder().deployment(deployment, port).listener(new RoutingListener() {
            @Override
            public Runnable handoff(Runnable task) {
                String value = BOUND.get();
                return () -> {
                    BOUND.set(value);
                    task.run();
                };
            }
        }).build();
        BOUND.set("the caller's");
        try {
            router.routeAsync(request("whisper"), CallOptions.defaults()).get(10, TimeUnit.SECONDS);
        } finally {
            BOUND.remove();
        }

        assertThat(seenByPort).containsExactly("the caller's");
    }

    @Test
    void aHandoffThatThrowsLeavesTheTaskAsItWasAndTheCallAnswers() {
        RoutingListener broken = new RoutingListener() {
            @Override
            public Runnable handoff(Runnable task) {
                throw new IllegalStateException("listener bug");
            }
        };
        Router router = Router.builder().deployment(deployment, port).listener(broken)
                .listener(new BindingListener(true)).build();

        assertThat(router.transcribe(request("whisper")).text()).isEqualTo("hello");
        assertThat(seenByPort).containsExactly("attempt on a");
    }
}
