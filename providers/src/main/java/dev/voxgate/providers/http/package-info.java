/**
 * OkHttp plumbing every adapter shares: the replayable audio body, the one mapping from vendor HTTP statuses and
 * I/O errors to failures, key redaction, the shared JSON mapper, the one policy for vendor-specific extra
 * parameters, and the connector that vendors with their own wire format (Deepgram, ElevenLabs) are built on.
 */
package dev.voxgate.providers.http;
