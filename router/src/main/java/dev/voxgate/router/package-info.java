/**
 * The router: picks a deployment of a model group, retries, cools failing deployments down and falls back to
 * other groups. Embeddable on its own through {@link dev.voxgate.router.Router#builder()}; no DI container needed.
 */
package dev.voxgate.router;
