/**
 * Transcripts written the way OpenAI answers: the body and {@code Content-Type} of each {@code response_format}
 * ({@code json}, {@code text}, {@code srt}, {@code vtt}, {@code verbose_json}, {@code diarized_json}) and the
 * streamed {@code transcript.text.*} events, shared by the proxy and the SDK so both send the same bytes. JDK only:
 * the little JSON written here needs no library.
 */
package dev.voxgate.core.render;
