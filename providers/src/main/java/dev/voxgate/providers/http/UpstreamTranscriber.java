package dev.voxgate.providers.http;

import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.Objects;

/**
 * The adapter of one deployment of a vendor whose every transcription is one {@link UpstreamExchange}: it declares
 * the capabilities the vendor gave, refuses a response format they lack, vets each request by the vendor's
 * {@link ParamSchema} and runs the exchange over the deployment's calls.
 *
 * <p>Immutable and thread-safe; one instance serves concurrent calls.
 */
final class UpstreamTranscriber implements TranscriptionPort {

    private final Deployment deployment;
    private final ParamSchema params;
    private final Capabilities capabilities;
    private final UpstreamExchange exchange;
    private final UpstreamCalls calls;

    UpstreamTranscriber(Deployment deployment, ParamSchema params, Capabilities capabilities,
                        UpstreamExchange exchange, UpstreamCalls calls) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.params = Objects.requireNonNull(params, "params");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        if (!capabilities.responseFormats().contains(request.responseFormat())) {
            // The router refuses it first; a caller of the port itself (the SDK) learns it here, before any call.
            throw new TranscriptionException(InvalidRequest.ofParam("response_format", deployment.provider()
                    + " (deployment '" + deployment.id() + "') does not produce "
                    + request.responseFormat().wireName()));
        }
        return exchange.transcribe(deployment, params.vet(deployment, request), calls);
    }

    @Override
    public String toString() {
        return "UpstreamTranscriber[" + deployment.provider() + ", deployment " + deployment.id() + "]";
    }
}
