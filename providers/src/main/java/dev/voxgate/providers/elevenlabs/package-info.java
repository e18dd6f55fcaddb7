/**
 * ElevenLabs' speech-to-text API ({@code POST /v1/speech-to-text}, Scribe models): a multipart form with
 * {@code model_id}, and its own JSON answer of typed tokens read into a transcript with words and speaker segments.
 */
package dev.voxgate.providers.elevenlabs;
