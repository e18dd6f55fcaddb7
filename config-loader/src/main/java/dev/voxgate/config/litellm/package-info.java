/**
 * LiteLLM's {@code config.yaml} dialect: a YAML tree that keeps line numbers, {@code os.environ/NAME} resolution,
 * and one reader per section turning it into typed Voxgate settings. Only {@link
 * dev.voxgate.config.litellm.LiteLlmConfigReader} is public; the untyped tree never leaves this package.
 */
package dev.voxgate.config.litellm;
