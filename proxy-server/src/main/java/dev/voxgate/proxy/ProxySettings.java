package dev.voxgate.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the proxy listens, how it takes uploads, how long it drains when stopped, and whether callers may bring their
 * own deployment credentials.
 *
 * @param host                   interface to bind, e.g. {@code 0.0.0.0}
 * @param port                   TCP port; 0 picks a free one
 * @param maxUploadBytes         the largest audio file accepted (OpenAI's limit: 25 MiB)
 * @param inMemoryBytes          uploads up to this size stay in memory; larger ones go to a temp file
 * @param drainTimeout           how long {@link ProxyServer#close()} lets requests in flight finish before cutting them
 * @param allowClientCredentials {@code general_settings.allow_client_side_credentials}: whether a caller may send its
 *                               own {@code api_key}, {@code api_base} and {@code api_version} (default false)
 */
public record ProxySettings(String host, int port, long maxUploadBytes, int inMemoryBytes, Duration drainTimeout,
                            boolean allowClientCredentials) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8000;
    public static final long OPENAI_MAX_UPLOAD_BYTES = 25L * 1024 * 1024;
    public static final int DEFAULT_IN_MEMORY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** Room for the form's text fields, all together, on top of the file. */
    public static final int FORM_FIELDS_ALLOWANCE = 1024 * 1024;

    public ProxySettings {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (maxUploadBytes <= 0 || inMemoryBytes < 0) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (drainTimeout.isNegative()) {
            throw new IllegalArgumentException("drainTimeout must not be negative, was " + drainTimeout);
        }
    }

    /** These limits with the default drain time, refusing client credentials. */
    public ProxySettings(String host, int port, long maxUploadBytes, int inMemoryBytes) {
        this(host, port, maxUploadBytes, inMemoryBytes, DEFAULT_DRAIN_TIMEOUT, false);
    }

    /** The largest multipart body accepted: the largest file plus room for the form's text fields. */
    public long maxRequestBytes() {
        return maxUploadBytes + FORM_FIELDS_ALLOWANCE;
    }

    /** These settings with another drain time. */
    public ProxySettings withDrainTimeout(Duration drainTimeout) {
        return new ProxySettings(host, port, maxUploadBytes, inMemoryBytes, drainTimeout, allowClientCredentials);
    }

    /** These settings with {@code maxUploadBytes} as the largest file accepted. */
    public ProxySettings withMaxUploadBytes(long maxUploadBytes) {
        return new ProxySettings(host, port, maxUploadBytes, inMemoryBytes, drainTimeout, allowClientCredentials);
    }

    /** These settings with client credentials allowed, or refused. */
    public ProxySettings withClientCredentials(boolean allowed) {
        return new ProxySettings(host, port, maxUploadBytes, inMemoryBytes, drainTimeout, allowed);
    }

    /** Listening on {@code host:port} with OpenAI's upload limit. */
    public static ProxySettings of(String host, int port) {
        return new ProxySettings(host, port, OPENAI_MAX_UPLOAD_BYTES, DEFAULT_IN_MEMORY_BYTES);
    }
}
