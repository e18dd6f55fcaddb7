/** Self-hosted OpenAI-compatible speech servers (vLLM, whisper.cpp, speaches), as a profile over the OpenAI-compatible client. */
package dev.voxgate.providers.hostedvllm;
