/**
 * What an upload's container headers say about it, read without decoding a sample and without any library: which
 * audio container it is ({@link dev.voxgate.core.audio.AudioSignature}) and how long it plays
 * ({@link dev.voxgate.core.audio.AudioDuration}). JDK only.
 */
package dev.voxgate.core.audio;
