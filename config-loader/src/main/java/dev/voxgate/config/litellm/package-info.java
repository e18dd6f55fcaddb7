/**
 * LiteLLM's {@code config.yaml} dialect: a YAML tree that keeps line numbers, {@code os.environ/NAME} resolution,
 * and one reader per section turning it into typed Voxgate settings. Only {@link
 * dev.voxgate.config.litellm.ConfigLoader} is public; the untyped tree never leaves this package, and this package
 * depends on {@code dev.voxgate.config}, never the other way.
 */
package dev.voxgate.config.litellm;
