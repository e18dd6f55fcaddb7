/**
 * Deepgram's pre-recorded API ({@code POST /v1/listen}): the raw audio as the body, every option in the query string,
 * and its own JSON answer read into a transcript with speakers, words and utterance segments.
 */
package dev.voxgate.providers.deepgram;
