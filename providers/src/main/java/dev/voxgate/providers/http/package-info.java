/**
 * OkHttp plumbing every adapter shares: the replayable audio body, the one mapping from vendor HTTP statuses and
 * I/O errors to failures, key redaction, and the shared JSON mapper.
 */
package dev.voxgate.providers.http;
