/**
 * Provider {@code local}: offline transcription in this process with Vosk. {@link
 * dev.voxgate.local.LocalProviderFactory} is the only public type; add it to a provider catalog to serve
 * {@code local/vosk-en} (the bundled English model) or {@code local/<name>} with a {@code model_path}.
 */
package dev.voxgate.local;
