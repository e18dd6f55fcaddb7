/**
 * Google's Gemini API: {@code gemini-3.5-transcribe} through the Interactions API with a transcription config (word
 * timestamps and speakers read from its {@code word_info} annotations), every other Gemini model through
 * {@code generateContent} with a transcription instruction (plain text); the audio inline, or uploaded through the
 * Files API above the inline limit and deleted afterwards.
 */
package dev.voxgate.providers.gemini;
