package dev.voxgate.state.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One channel a {@link RedisLink} keeps subscribed, on a pub/sub connection of its own that each of the link's fresh
 * connections {@linkplain #renew renews}: Lettuce would resubscribe the old one by itself, but only after its own
 * reconnect back-off. Messages published while no connection is subscribed are missed.
 *
 * <p>Thread-safe.
 */
final class Subscription {

    private final Supplier<StatefulRedisPubSubConnection<String, String>> opener;
    private final String channel;
    private final Consumer<String> onMessage;
    private StatefulRedisPubSubConnection<String, String> open; // guarded by this

    Subscription(Supplier<StatefulRedisPubSubConnection<String, String>> opener, String channel,
                 Consumer<String> onMessage) {
        this.opener = opener;
        this.channel = Objects.requireNonNull(channel, "channel");
        this.onMessage = Objects.requireNonNull(onMessage, "onMessage");
    }

    /** Drops the connection in use, if any, and subscribes on a fresh one; what Redis answers to the subscription. */
    synchronized CompletionStage<Void> renew() {
        close();
        StatefulRedisPubSubConnection<String, String> opened = opener.get();
        opened.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                onMessage.accept(message);
            }
        });
        open = opened;
        return opened.async().subscribe(channel);
    }

    synchronized void close() {
        if (open != null) {
            open.closeAsync();
            open = null;
        }
    }
}
