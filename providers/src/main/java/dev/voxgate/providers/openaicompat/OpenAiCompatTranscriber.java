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
import dev.voxgate.providers.http.UpstreamCalls;
import dev.voxgate.providers.http.VettedRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;

/**
 * The adapter of one deployment of an OpenAI-compatible vendor: checks the request against what the vendor takes,
 * builds the multipart call, sends it over the deployment's calls, reads the transcript. Everything per deployment
 * (the profile as it applies to the deployment's model, the URLs, the capabilities it declares) was resolved when it
 * was created.
 *
 * <p>Immutable and thread-safe; one instance serves concurrent calls.
 */
final class OpenAiCompatTranscriber implements TranscriptionPort {

    private final OpenAiCompatProfile profile;
    private final Deployment deployment;
    private final UpstreamCalls calls;
    private final HttpUrl transcriptions;
    private final Capabilities capabilities;

    /**
     * @param profile      the vendor's profile as it applies to the deployment's model
     * @param capabilities what {@link ProfileCapabilities} reads from that profile
     */
    OpenAiCompatTranscriber(OpenAiCompatProfile profile, Deployment deployment, Capabilities capabilities,
                            UpstreamCalls calls) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.transcriptions = profile.layout().transcriptionsUrl(calls.endpoint(), deployment);
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Transcription transcribe(TranscriptionRequest request) {
        ResponseFormat format = requireSupported(request.responseFormat());
        return calls.send(post(transcriptions, vet(request), false),
                (body, contentType) -> read(format, body, contentType));
    }

    @Override
    public Transcription translate(TranscriptionRequest request) {
        if (!profile.features().translations()) {
            throw refused("model", "cannot translate audio");
        }
        ResponseFormat format = requireSupported(request.responseFormat());
        // OpenAI's translation takes neither a language (the output is English) nor timestamp granularities.
        TranscriptionRequest translation = request.toBuilder().language(null).timestampGranularities(List.of()).build();
        return calls.send(post(translations(), vet(translation), false),
                (body, contentType) -> read(format, body, contentType));
    }

    @Override
    public Transcription transcribeStreaming(TranscriptionRequest request, TranscriptListener listener) {
        if (!profile.features().streams(deployment.providerModel())) {
            throw refused("stream", "cannot stream its transcript (streaming needs a model such as "
                    + "gpt-4o-transcribe); send stream=false");
        }
        return calls.stream(post(transcriptions, vet(request), true),
                (body, contentType) -> StreamedTranscriptReader.read(body, contentType, listener));
    }

    private VettedRequest vet(TranscriptionRequest request) {
        return profile.params().vet(deployment, request, shaped -> profile.shaper().shape(shaped, deployment));
    }

    private Request.Builder post(HttpUrl url, VettedRequest vetted, boolean stream) {
        return new Request.Builder().url(url).post(WireForm.of(profile, deployment.providerModel(), vetted, stream));
    }

    /**
     * OpenAI-compatible vendors serve {@code …/audio/translations} beside {@code …/audio/transcriptions}, with the
     * same query (Azure's {@code api-version}).
     */
    private HttpUrl translations() {
        return transcriptions.newBuilder().setPathSegment(transcriptions.pathSize() - 1, "translations").build();
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

    private ResponseFormat requireSupported(ResponseFormat format) {
        if (!profile.responseFormats().contains(format)) {
            String supported = Arrays.stream(ResponseFormat.values())
                    .filter(profile.responseFormats()::contains)
                    .map(ResponseFormat::wireName)
                    .collect(Collectors.joining(", "));
            throw new TranscriptionException(InvalidRequest.ofParam("response_format", profile.providerId()
                    + " (deployment '" + deployment.id() + "') does not produce " + format.wireName()
                    + "; it produces " + supported));
        }
        return format;
    }

    @Override
    public String toString() {
        return "OpenAiCompatTranscriber[" + profile.providerId() + ", deployment " + deployment.id() + "]";
    }
}
