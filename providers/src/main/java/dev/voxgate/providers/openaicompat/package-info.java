/**
 * One client for OpenAI's {@code /audio/transcriptions} wire format, on the {@code providers.http} framework. Each
 * vendor that speaks it, or nearly (OpenAI, Azure, Groq, Fireworks, Mistral, self-hosted servers), is an
 * {@link dev.voxgate.providers.openaicompat.OpenAiCompatProfile}: where it is and how it takes its key
 * ({@code EndpointRules}), how its URL is built, which OpenAI fields and typed parameters it takes
 * ({@code ParamSchema}) and how lists are encoded, and, where its answer is not OpenAI's, how that answer is read.
 * What a vendor knows per model ({@link dev.voxgate.providers.openaicompat.ModelRules}; OpenAI's models in
 * {@link dev.voxgate.providers.openaicompat.OpenAiModels}) adjusts the profile per deployment, and the capabilities an
 * adapter declares are read from that same adjusted profile.
 */
package dev.voxgate.providers.openaicompat;
