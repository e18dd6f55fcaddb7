package dev.voxgate.providers.http;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Secret;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.VendorConnector.Call;
import dev.voxgate.providers.http.VendorConnector.Defaults;
import dev.voxgate.providers.http.VendorConnector.WireFormat;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The adapter of one deployment of a vendor with its own wire format: the vendor's {@link WireFormat} builds the
 * call, this adds the key header, and {@link UpstreamClient} sends it and reads the answer. It declares the
 * capabilities the vendor gave it.
 *
 * <p>Immutable and thread-safe; one instance serves concurrent calls.
 */
final class VendorTranscriber implements TranscriptionPort {

    private final Upstream upstream;
    private final HttpUrl base;
    private final Defaults defaults;
    private final Secret key;
    private final WireFormat format;
    private final UpstreamClient client;
    private final Capabilities capabilities;

    VendorTranscriber(Upstream upstream, HttpUrl base, Defaults defaults, Secret key, WireFormat format,
                      UpstreamClient client, Capabilities capabilities) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.base = Objects.requireNonNull(base, "base");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.key = Objects.requireNonNull(key, "key");
        this.format = Objects.requireNonNull(format, "format");
        this.client = Objects.requireNonNull(client, "client");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        Call call = format.call(base, request);
        Request http = new Request.Builder()
                .url(call.url())
                .header(defaults.keyHeader(), defaults.keyPrefix() + key.reveal())
                .post(call.body())
                .build();
        return client.execute(http, call.reader());
    }

    @Override
    public String toString() {
        return "VendorTranscriber[" + upstream.describe() + "]";
    }
}
