/**
 * Audio, JDK only. What an upload's container headers say about it, read without decoding a sample: which audio
 * container it is ({@link dev.voxgate.core.audio.AudioSignature}) and how long it plays
 * ({@link dev.voxgate.core.audio.AudioDuration}). And the samples themselves when they are needed
 * ({@link dev.voxgate.core.audio.AudioDecoder}: WAV in Java, other containers through an {@code ffmpeg}
 * subprocess), for the local engine and for cutting long audio into chunks.
 */
package dev.voxgate.core.audio;
