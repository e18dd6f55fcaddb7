package dev.voxgate.router;

import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.NoCapableDeployment;
import dev.voxgate.core.model.RequestNeeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Leaves out of one call the deployments of a route that cannot serve its request, before anything is picked, so
 * that a deployment is never called (its rpm, tpm and in-flight counts untouched, no failure counted against it)
 * for a request it would only refuse. Each one left out is written in the call's trace with what it lacks.
 *
 * <p>Stateless and thread-safe.
 */
final class CapableTargets {

    private CapableTargets() {
    }

    /**
     * {@code route} narrowed to the deployments able to serve {@code needs}: the route itself when all are.
     *
     * @throws TranscriptionException with {@link NoCapableDeployment} naming the request's needs and what each
     *                                deployment lacks, when none can serve it
     */
    static Route of(Route route, RequestNeeds needs, CallTrace trace) {
        List<Target> serving = new ArrayList<>(route.targets().size());
        List<String> refusals = new ArrayList<>();
        boolean onlySize = true;
        for (Target target : route.targets()) {
            List<String> lacks = target.capabilities().lacks(needs, target.deployment().dropParams());
            if (lacks.isEmpty()) {
                serving.add(target);
            } else {
                trace.leftOut(route.name(), target.id(), lacks);
                refusals.add(target.id() + " (" + target.deployment().qualifiedModel() + ") lacks "
                        + String.join("; ", lacks));
                onlySize &= lacks.size() == 1 && !target.capabilities().takesUploadOf(needs.uploadBytes());
            }
        }
        if (serving.size() == route.targets().size()) {
            return route;
        }
        if (serving.isEmpty()) {
            throw new TranscriptionException(new NoCapableDeployment("No deployment of model=" + route.name()
                    + " can serve this request (" + needs.describe() + "): "
                    + refusals.stream().collect(Collectors.joining("; ")) + ".", param(needs, onlySize), onlySize));
        }
        return route.narrowedTo(serving);
    }

    // The field a caller would change: the size is the file's, anything else most often the format.
    private static Optional<String> param(RequestNeeds needs, boolean onlySize) {
        if (onlySize) {
            return Optional.of("file");
        }
        return needs.streaming() ? Optional.of("stream") : Optional.of("response_format");
    }
}
