/**
 * Turning an upload into the 16 kHz mono 16-bit samples the recognizer takes: WAV read and resampled in Java,
 * other containers through an {@code ffmpeg} subprocess when one is installed.
 */
package dev.voxgate.local.internal.audio;
