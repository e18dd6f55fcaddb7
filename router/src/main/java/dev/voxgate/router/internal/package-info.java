/**
 * The routing machinery, generic over the call it routes: resolve a model group, pick an available deployment,
 * run the attempt under its timeouts, retry, cool deployments down, walk the fallback groups and trace it all for
 * the routing report. {@link dev.voxgate.router.internal.RoutingEngine} is the entry point; {@link
 * dev.voxgate.router.Router} is the thin transcription layer on top. Not a public API: anything here may change
 * without notice.
 */
package dev.voxgate.router.internal;
