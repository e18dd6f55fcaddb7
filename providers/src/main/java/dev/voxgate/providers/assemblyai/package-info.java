/**
 * AssemblyAI's pre-recorded API, a job: the audio uploaded ({@code POST /v2/upload}), a transcript job created
 * ({@code POST /v2/transcript}), polled until it ends, its words and speaker utterances read (and its own srt/vtt
 * exports fetched), then the transcript deleted.
 */
package dev.voxgate.providers.assemblyai;
