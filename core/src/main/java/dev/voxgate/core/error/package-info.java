/** The one error channel: {@link dev.voxgate.core.error.TranscriptionException} carrying a sealed failure kind. */
package dev.voxgate.core.error;
