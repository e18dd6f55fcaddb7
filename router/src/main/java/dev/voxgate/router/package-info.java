/**
 * The router: picks a deployment of a model group (by strategy, priority tier and per-deployment limits), retries,
 * cools failing deployments down and falls back to other groups, and reports what it did ({@link
 * dev.voxgate.router.RoutingReport}, {@link dev.voxgate.router.RoutingListener}). Embeddable on its own through
 * {@link dev.voxgate.router.Router#builder()}; no DI container needed. The public types are the API; the routing
 * machinery behind {@link dev.voxgate.router.Router} (resolve, pick, run the attempt under its time limit, retry,
 * cool down, fall back, trace) is package-private here, so it can change without notice.
 */
package dev.voxgate.router;
