/**
 * Mistral's Voxtral transcription API: OpenAI's path and multipart form without {@code prompt} or
 * {@code response_format}, and Mistral's own JSON answer, as a profile over the OpenAI-compatible client.
 */
package dev.voxgate.providers.mistral;
