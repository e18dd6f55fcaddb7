package dev.voxgate.providers.http;

import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The vendor-specific parameters a provider takes, and the one way a call's extras are gathered and checked: the
 * deployment's {@code params} overlaid with the request's {@code providerParams} (the request wins), sorted by name,
 * with {@code True}/{@code False} lower-cased as LiteLLM sends them. A parameter the vendor does not take fails the
 * call with {@code InvalidRequest} before anything is sent, unless the deployment drops such parameters
 * ({@code drop_params: true}), which leaves it out.
 *
 * @param providerId the provider id, for messages
 * @param names      the parameters the vendor takes
 */
public record AcceptedParams(String providerId, Set<String> names) {

    public AcceptedParams {
        Objects.requireNonNull(providerId, "providerId");
        names = Set.copyOf(names);
    }

    /**
     * What a vendor serves whose one answer is JSON with timed words and speakers, from which Voxgate renders every
     * other format: transcription only, these parameters and OpenAI's {@code openAiFields} that it maps.
     */
    public Capabilities capabilitiesOfTimedJson(String... openAiFields) {
        Set<String> params = new HashSet<>(names);
        params.addAll(List.of(openAiFields));
        return Capabilities.builder()
                .nativeFormats(EnumSet.of(ResponseFormat.JSON))
                .renderedFormats(EnumSet.complementOf(EnumSet.of(ResponseFormat.JSON)))
                .wordTimestamps(true)
                .segmentTimestamps(true)
                .diarization(true)
                .params(params)
                .build();
    }

    /** The extras of {@code request} to {@code deployment} that the vendor takes, sorted by name. */
    public SortedMap<String, ParamValue> extras(Deployment deployment, TranscriptionRequest request) {
        SortedMap<String, ParamValue> accepted = new TreeMap<>();
        merged(deployment, request).forEach((name, value) -> {
            if (names.contains(name)) {
                accepted.put(name, lowerCaseBoolean(value));
            } else {
                unsupported(deployment, name);
            }
        });
        return accepted;
    }

    /**
     * Refuses a call that sets {@code name}, which the vendor does not take (an OpenAI field such as {@code prompt}),
     * unless the deployment drops such parameters; then the caller leaves it out.
     *
     * @throws TranscriptionException with {@code InvalidRequest} naming the parameter
     */
    public void unsupported(Deployment deployment, String name) {
        refuseUnlessDropped(providerId, deployment, name);
    }

    /** The deployment's {@code params} overlaid with the request's {@code providerParams}, sorted by name. */
    public static SortedMap<String, ParamValue> merged(Deployment deployment, TranscriptionRequest request) {
        SortedMap<String, ParamValue> merged = new TreeMap<>(deployment.params());
        merged.putAll(request.providerParams());
        return merged;
    }

    /**
     * Refuses parameter {@code name}, which provider {@code providerId} does not take, unless the deployment drops
     * such parameters.
     *
     * @throws TranscriptionException with {@code InvalidRequest} naming the parameter
     */
    public static void refuseUnlessDropped(String providerId, Deployment deployment, String name) {
        if (!deployment.dropParams()) {
            throw new TranscriptionException(InvalidRequest.unsupportedParam(name, providerId, deployment.id()));
        }
    }

    private static ParamValue lowerCaseBoolean(ParamValue value) {
        if (value instanceof ParamValue.Text(String text)) {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            return lower.equals("true") || lower.equals("false") ? ParamValue.text(lower) : value;
        }
        return value;
    }
}
