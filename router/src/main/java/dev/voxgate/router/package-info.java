/**
 * The router: picks a deployment of a model group (by strategy, priority tier and per-deployment limits), retries,
 * cools failing deployments down and falls back to other groups, and reports what it did ({@link
 * dev.voxgate.router.RoutingReport}). Embeddable on its own through {@link dev.voxgate.router.Router#builder()}; no
 * DI container needed.
 */
package dev.voxgate.router;
