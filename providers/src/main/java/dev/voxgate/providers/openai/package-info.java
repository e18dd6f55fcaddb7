/** OpenAI's audio API, as a profile over the OpenAI-compatible client. */
package dev.voxgate.providers.openai;
