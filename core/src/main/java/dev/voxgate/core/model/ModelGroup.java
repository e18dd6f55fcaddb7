package dev.voxgate.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The deployments that share one {@code model_name}: a caller names the group and the router picks among them.
 *
 * @param name        the group's name
 * @param deployments its deployments, at least one, all with this {@code modelName}
 */
public record ModelGroup(String name, List<Deployment> deployments) {

    public ModelGroup {
        Objects.requireNonNull(name, "name");
        deployments = List.copyOf(deployments);
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("model group '" + name + "' has no deployments");
        }
        for (Deployment deployment : deployments) {
            if (!deployment.modelName().equals(name)) {
                throw new IllegalArgumentException("deployment '" + deployment.id() + "' serves '"
                        + deployment.modelName() + "', not model group '" + name + "'");
            }
        }
    }
}
