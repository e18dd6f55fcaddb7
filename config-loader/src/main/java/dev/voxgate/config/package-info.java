/** Reads a LiteLLM-compatible {@code config.yaml} into typed Voxgate configuration. */
package dev.voxgate.config;
