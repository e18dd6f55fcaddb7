/** Fireworks AI's audio API, OpenAI's wire format with comma-joined lists, as a profile over the OpenAI-compatible client. */
package dev.voxgate.providers.fireworks;
