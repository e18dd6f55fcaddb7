/**
 * The router's {@code RoutingState} in Redis, through Lettuce: every replica on one Redis shares rests, limits,
 * in-flight leases, failure counts and latencies; attempts on deployments without limits start from a local view of
 * the rests and their counts are flushed in batches. {@link dev.voxgate.state.redis.ResilientRoutingState} is what a
 * gateway uses: it falls back to local state while Redis is away and says so once.
 * {@link dev.voxgate.state.redis.RedisResponseStore} keeps the proxy's cached answers there, for every replica.
 */
package dev.voxgate.state.redis;
