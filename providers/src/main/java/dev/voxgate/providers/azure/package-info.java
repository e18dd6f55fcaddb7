/**
 * Azure OpenAI's dated audio API ({@code /openai/deployments/…?api-version=}), as a profile over the
 * OpenAI-compatible client.
 */
package dev.voxgate.providers.azure;
