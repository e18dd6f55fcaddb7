package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.TranscriptListener;
import dev.voxgate.core.TranscriptionPort;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.Transcription;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.MalformedBodyException;
import dev.voxgate.providers.http.UpstreamClient;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.MediaType;

/**
 * The adapter of one deployment of an OpenAI-compatible vendor: checks the request against what the vendor takes,
 * builds the multipart call, sends it, reads the transcript. Everything per deployment (the profile as it applies to
 * the deployment's model, URL, key, client with its timeout, the capabilities it declares) was resolved when it was
 * created.
 *
 * <p>Immutable and thread-safe; one instance serves concurrent calls.
 */
final class OpenAiCompatTranscriber implements TranscriptionPort {

    private final OpenAiCompatProfile profile;
    private final Deployment deployment;
    private final Endpoint endpoint;
    private final UpstreamClient client;
    private final Capabilities capabilities;

    /** @param profile the vendor's profile as it applies to the deployment's model */
    OpenAiCompatTranscriber(OpenAiCompatProfile profile, Deployment deployment, Endpoint endpoint,
                            UpstreamClient client) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.client = Objects.requireNonNull(client, "client");
        // A misconfigured deployment declares nothing, so that it is still picked and its call says what to fix.
        this.capabilities = endpoint instanceof Endpoint.Ready
                ? ProfileCapabilities.of(profile, deployment.providerModel()) : Capabilities.UNDECLARED;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        Endpoint.Ready ready = ready();
        ResponseFormat format = request.responseFormat();
        requireSupported(format);
        VettedRequest vetted = VettedRequest.of(profile, deployment, request);
        var call = ready.request().post(TranscriptionForm.of(profile, deployment.providerModel(), vetted)).build();
        return client.execute(call, (body, contentType) -> read(format, body, contentType));
    }

    @Override
    public Transcription translate(TranscriptionRequest request) {
        // The configuration error first: a misconfigured deployment declares everything, so its calls say what to fix.
        Endpoint.Ready ready = ready();
        if (!profile.features().translations()) {
            throw refused("model", "cannot translate audio");
        }
        ResponseFormat format = request.responseFormat();
        requireSupported(format);
        // OpenAI's translation takes neither a language (the output is English) nor timestamp granularities.
        TranscriptionRequest translation = request.toBuilder().language(null).timestampGranularities(List.of()).build();
        VettedRequest vetted = VettedRequest.of(profile, deployment, translation);
        var call = ready.translationRequest()
                .post(TranscriptionForm.of(profile, deployment.providerModel(), vetted)).build();
        return client.execute(call, (body, contentType) -> read(format, body, contentType));
    }

    @Override
    public Transcription transcribeStreaming(TranscriptionRequest request, TranscriptListener listener) {
        Endpoint.Ready ready = ready();
        if (!profile.features().streams(deployment.providerModel())) {
            throw refused("stream", "cannot stream its transcript (streaming needs a model such as "
                    + "gpt-4o-transcribe); send stream=false");
        }
        VettedRequest vetted = VettedRequest.of(profile, deployment, request);
        var call = ready.request()
                .post(TranscriptionForm.of(profile, deployment.providerModel(), vetted, true)).build();
        return client.executeStreaming(call,
                (body, contentType) -> StreamedTranscriptReader.read(body, contentType, listener));
    }

    private Endpoint.Ready ready() {
        return switch (endpoint) {
            case Endpoint.Ready usable -> usable;
            case Endpoint.Misconfigured misconfigured -> throw new TranscriptionException(misconfigured.failure());
        };
    }

    private TranscriptionException refused(String param, String what) {
        return new TranscriptionException(InvalidRequest.ofParam(param, profile.providerId() + " model '"
                + deployment.providerModel() + "' (deployment '" + deployment.id() + "') " + what));
    }

    private Transcription read(ResponseFormat format, String body, Optional<MediaType> contentType)
            throws MalformedBodyException {
        // whisper.cpp labels its plain-text transcript text/html, so the label alone does not make a page.
        boolean htmlPage = contentType.filter(type -> type.subtype().equalsIgnoreCase("html")).isPresent()
                && body.stripLeading().startsWith("<");
        if (htmlPage) {
            throw new MalformedBodyException("an HTML page instead of " + format.wireName());
        }
        return profile.reader().read(format, body, contentType);
    }

    private void requireSupported(ResponseFormat format) {
        if (!profile.responseFormats().contains(format)) {
            String supported = Arrays.stream(ResponseFormat.values())
                    .filter(profile.responseFormats()::contains)
                    .map(ResponseFormat::wireName)
                    .collect(Collectors.joining(", "));
            throw new TranscriptionException(InvalidRequest.ofParam("response_format", profile.providerId()
                    + " (deployment '" + deployment.id() + "') does not produce " + format.wireName()
                    + "; it produces " + supported));
        }
    }

    @Override
    public String toString() {
        return "OpenAiCompatTranscriber[" + profile.providerId() + ", deployment " + deployment.id() + "]";
    }
}
