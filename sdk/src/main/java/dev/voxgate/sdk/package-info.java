/**
 * The Voxgate SDK: {@link dev.voxgate.sdk.Voxgate} for one-call transcriptions (on routers shared per environment)
 * and routers built in code or from a LiteLLM {@code config.yaml}, and {@link dev.voxgate.sdk.VoxgateModule}, the
 * Guice wiring the proxy shares.
 */
package dev.voxgate.sdk;
