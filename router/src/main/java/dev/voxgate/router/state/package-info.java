/**
 * The router's shared, mutable knowledge about deployments (who is cooling down; what each did this minute:
 * attempts, failures by kind, audio seconds; what is in flight; recent latencies) behind one port, {@link
 * dev.voxgate.router.state.RoutingState}, with an in-memory adapter as the default. Several proxy instances share
 * it by plugging in a shared adapter; strategies only read the {@link dev.voxgate.router.state.DeploymentUsage}
 * snapshots it returns. It depends on nothing else of the router: {@link dev.voxgate.router.state.FailureKind}, the
 * kinds failures are counted by, lives here, and the router's rules that map a failure to its kind stay outside.
 */
package dev.voxgate.router.state;
