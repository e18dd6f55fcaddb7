/**
 * Vosk itself: the bundled model unpacked from the classpath into a cache folder, models loaded once per process
 * and shared, and one recognizer per request turning samples into timed words.
 */
package dev.voxgate.local.internal.vosk;
