/**
 * {@code bin/voxgate}, the command-line tool: {@code voxgate transcribe} turns files, folders and globs of recordings
 * into transcripts, in process on a LiteLLM config or through a running proxy, skipping what is done and never
 * leaving a half-written output.
 */
package dev.voxgate.cli;
