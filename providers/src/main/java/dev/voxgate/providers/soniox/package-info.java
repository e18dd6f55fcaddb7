/**
 * Soniox's async API, a job: the audio uploaded ({@code POST /v1/files}), a transcription created
 * ({@code POST /v1/transcriptions}), polled until it ends, its sub-word tokens read into words and segments with
 * speakers and language, then the transcription and the file deleted.
 */
package dev.voxgate.providers.soniox;
