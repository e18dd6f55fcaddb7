package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.ModelGroup;
import dev.voxgate.keys.Access;
import dev.voxgate.router.DeploymentStatuses;
import dev.voxgate.router.DeploymentStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code GET /model/info} and {@code /v1/model/info}, LiteLLM's view of every deployment:
 * {@code {"data":[{"model_name","litellm_params","model_info"}]}} ({@link DeploymentInfo} says what each entry holds),
 * read afresh on each call so that resting deployments and calls in flight show as they are. {@code
 * ?litellm_model_id=ID} keeps the one deployment of that id. A virtual key sees only the groups it may call
 * ({@link Access#allows}, as {@code /v1/models} shows them); the master key sees every deployment.
 *
 * <p>Thread-safe.
 */
final class ModelInfo implements Handler {

    static final String MODEL_ID = "litellm_model_id";

    private final List<ModelGroup> groups;
    private final DeploymentStatuses statuses;
    private final DeploymentInfo describer;
    private final ObjectMapper json;

    ModelInfo(List<ModelGroup> groups, DeploymentStatuses statuses, DeploymentInfo describer, ObjectMapper json) {
        this.groups = List.copyOf(groups);
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.describer = Objects.requireNonNull(describer, "describer");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Serves both of LiteLLM's paths. */
    void register(RoutesConfig routes) {
        routes.get("/model/info", this);
        routes.get("/v1/model/info", this);
    }

    @Override
    public void handle(Context ctx) {
        Optional<String> id = Optional.ofNullable(ctx.queryParam(MODEL_ID)).filter(value -> !value.isBlank());
        Predicate<String> allowed = Caller.virtualKey(ctx).<Predicate<String>>map(access -> access::allows)
                .orElse(group -> true);
        List<DeploymentStatus> shown = statuses.of(groups.stream().filter(group -> allowed.test(group.name()))
                .toList()).stream().filter(status -> id.isEmpty() || status.deployment().id().equals(id.get()))
                .toList();
        if (id.isPresent() && shown.isEmpty()) {
            throw new RequestRejected(new OpenAiError(404, "No deployment has id '" + id.get() + "'; GET /model/info "
                    + "lists every deployment with its model_info.id.", "invalid_request_error", Optional.of(MODEL_ID),
                    Optional.of("model_not_found"), Optional.empty()));
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode data = body.putArray("data");
        shown.forEach(status -> data.add(describer.describe(status)));
        ctx.contentType("application/json").result(body.toString());
    }
}
