/**
 * What the router does, as Micrometer meters whose Prometheus names are {@code voxgate_*}: {@link
 * dev.voxgate.metrics.RoutingMetrics} hears the router, {@link dev.voxgate.metrics.DeploymentGauges} reads the
 * deployments' live state, {@link dev.voxgate.metrics.JvmMeters} binds Micrometer's JVM meters. Label values come from
 * the config and from fixed vocabularies only, never from what a caller sends.
 */
package dev.voxgate.metrics;
