/**
 * How the router chooses one deployment among the available ones of a model group: the {@link
 * dev.voxgate.router.strategy.RoutingStrategy} port and LiteLLM's strategies (simple-shuffle, least-busy,
 * latency-based-routing, usage-based-routing), named by {@link dev.voxgate.router.strategy.BuiltInStrategy}.
 */
package dev.voxgate.router.strategy;
