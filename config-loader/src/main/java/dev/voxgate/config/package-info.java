/**
 * Typed Voxgate configuration, whatever file it came from: {@link dev.voxgate.config.VoxgateConfig} and its
 * settings, {@link dev.voxgate.config.ConfigException} / {@link dev.voxgate.config.ConfigWarning} naming file, line
 * and key, and {@link dev.voxgate.config.KnownProviders}, what loading asks of the providers. LiteLLM's
 * {@code config.yaml} is read by {@link dev.voxgate.config.litellm.ConfigLoader}.
 */
package dev.voxgate.config;
