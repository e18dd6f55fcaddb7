/**
 * Reads a LiteLLM-compatible {@code config.yaml} into typed Voxgate configuration: {@link
 * dev.voxgate.config.ConfigLoader} is the entry point, {@link dev.voxgate.config.VoxgateConfig} the result, and
 * {@link dev.voxgate.config.ConfigException} / {@link dev.voxgate.config.ConfigWarning} name file, line and key.
 */
package dev.voxgate.config;
