/**
 * One client for OpenAI's {@code /audio/transcriptions} wire format. Each vendor that speaks it (OpenAI, Azure,
 * and later Groq, Fireworks, Mistral, vLLM) is an {@link dev.voxgate.providers.openaicompat.OpenAiCompatProfile}:
 * how its URL is built, which header carries the key, where defaults come from.
 */
package dev.voxgate.providers.openaicompat;
