/**
 * Where the proxy's log lines go and what they look like: readable text on standard error (logback, configured by
 * {@code logback.xml}), or with {@code litellm_settings.json_logs} one JSON object per line on standard output, for
 * everything the process writes. The rest of the proxy only logs through SLF4J and never sees logback.
 */
package dev.voxgate.proxy.logging;
