/**
 * How the router chooses one deployment among the healthy ones of a model group: the {@link
 * dev.voxgate.router.strategy.RoutingStrategy} port and LiteLLM's default, simple-shuffle.
 */
package dev.voxgate.router.strategy;
