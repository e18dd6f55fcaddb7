/**
 * OpenTelemetry traces of the proxy: {@link dev.voxgate.tracing.Tracing}, configured by the SDK's standard
 * {@code OTEL_*} variables, makes a server span per request, a client span per vendor attempt (a
 * {@link dev.voxgate.router.RoutingListener}) and sends the attempt's W3C {@code traceparent} to the vendor (an
 * interceptor of the shared HTTP client). Nothing here knows the web framework: the proxy starts and ends the server
 * span from its own request hooks.
 */
package dev.voxgate.tracing;
