package dev.voxgate.state.redis;

import io.lettuce.core.RedisURI;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Where Redis is: one server (standalone, or a Sentinel set's master), or a Redis Cluster. */
public sealed interface RedisTarget {

    /** Said in log lines: host:port, a Sentinel master's name, or the cluster's nodes; never a password. */
    String describe();

    /** A standalone server ({@code redis://}, {@code rediss://}) or a Sentinel set ({@code redis-sentinel://}). */
    record Server(RedisURI uri) implements RedisTarget {
        public Server {
            Objects.requireNonNull(uri, "uri");
        }

        @Override
        public String describe() {
            return uri.getSentinelMasterId() != null ? "sentinel master " + uri.getSentinelMasterId()
                    : uri.getHost() + ":" + uri.getPort();
        }
    }

    /** A Redis Cluster, found from some of its nodes. */
    record Cluster(List<RedisURI> nodes) implements RedisTarget {
        public Cluster {
            nodes = List.copyOf(nodes);
            if (nodes.isEmpty()) {
                throw new IllegalArgumentException("a cluster needs at least one node");
            }
        }

        @Override
        public String describe() {
            return "cluster " + nodes.stream().map(node -> node.getHost() + ":" + node.getPort())
                    .collect(Collectors.joining(","));
        }
    }
}
