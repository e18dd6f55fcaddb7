/** Groq's speech-to-text API, OpenAI's wire format at another base, as a profile over the OpenAI-compatible client. */
package dev.voxgate.providers.groq;
