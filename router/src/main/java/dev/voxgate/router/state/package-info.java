/**
 * The router's shared, mutable knowledge about deployments (who is cooling down, how often each failed this
 * minute) behind one port, {@link dev.voxgate.router.state.RoutingState}, with an in-memory adapter as the default.
 * Several proxy instances share it by plugging in a shared adapter.
 */
package dev.voxgate.router.state;
