package dev.voxgate.providers.openaicompat;

import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.AcceptedParams;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request cleared for one vendor: every field and extra parameter it does not take was refused, or dropped when
 * the deployment says {@code drop_params}, before anything is sent (LiteLLM's {@code UnsupportedParamsError}); then
 * the vendor's {@link RequestShaper} had its say. Immutable.
 *
 * @param request the request without the standard fields the vendor does not take, as the vendor's shaper left it
 * @param extras  the deployment's and the request's extra parameters the vendor takes, the request's winning; sorted
 *                by name, so the form is the same on every call
 */
record VettedRequest(TranscriptionRequest request, Map<String, ParamValue> extras) {

    private static final Logger LOG = LoggerFactory.getLogger(VettedRequest.class);
    // Set from the typed fields; a parameter of the same name never replaces them.
    private static final Set<String> SENT_BY_ADAPTER = Set.of("file", "model");

    VettedRequest {
        Objects.requireNonNull(request, "request");
        extras = Collections.unmodifiableSortedMap(new TreeMap<>(extras));
    }

    /**
     * {@code request} cleared for {@code profile}'s vendor.
     *
     * @throws TranscriptionException with {@code InvalidRequest} naming the first parameter the vendor does not take,
     *                                unless the deployment drops such parameters, or as the vendor's shaper refuses
     */
    static VettedRequest of(OpenAiCompatProfile profile, Deployment deployment, TranscriptionRequest request) {
        TranscriptionRequest.Builder kept = request.toBuilder();
        for (StandardField field : StandardField.values()) {
            if (!profile.standardFields().contains(field) && field.presentIn(request)) {
                refuseOrDrop(profile, deployment, field.wireName());
                field.clear(kept);
            }
        }
        // Shaped before the extras are vetted: a shaper may move a field into an extra (gpt-transcribe's language
        // becomes languages[]), which then goes through the same checks as the caller's own.
        TranscriptionRequest shaped = profile.shaper().shape(kept.build(), deployment);
        SortedMap<String, ParamValue> extras = AcceptedParams.merged(deployment, shaped);
        extras.keySet().removeIf(name -> takenByTypedField(profile, name));
        for (Iterator<String> names = extras.keySet().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!profile.extras().accepts(name)) {
                refuseOrDrop(profile, deployment, name);
                names.remove();
            }
        }
        return new VettedRequest(shaped, extras);
    }

    private static boolean takenByTypedField(OpenAiCompatProfile profile, String name) {
        String bare = name.endsWith("[]") ? name.substring(0, name.length() - 2) : name;
        return SENT_BY_ADAPTER.contains(bare) || profile.standardFields().stream()
                .anyMatch(field -> field.wireName().equals(bare));
    }

    private static void refuseOrDrop(OpenAiCompatProfile profile, Deployment deployment, String name) {
        AcceptedParams.refuseUnlessDropped(profile.providerId(), deployment, name);
        LOG.debug("dropping parameter '{}' that {} (deployment '{}') does not take", name, profile.providerId(),
                deployment.id());
    }
}
