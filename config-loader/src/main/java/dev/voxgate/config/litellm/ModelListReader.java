package dev.voxgate.config.litellm;

import dev.voxgate.config.KnownProviders;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Sequence;
import dev.voxgate.core.model.Deployment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * Reads {@code model_list} into deployments, in file order, and the model groups they form.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class ModelListReader {

    private static final String KEY = "model_list";
    private static final String EMPTY = "is empty: add at least one model under model_list";

    private final ValueReader values;
    private final KnownProviders providers;
    private final boolean dropParamsByDefault;

    ModelListReader(ValueReader values, KnownProviders providers, boolean dropParamsByDefault) {
        this.values = values;
        this.providers = providers;
        this.dropParamsByDefault = dropParamsByDefault;
    }

    ModelList read(Mapping root) {
        YamlNode node = root.entries().get(KEY);
        if (node == null) {
            throw values.error(1, KEY, "missing: add model_list with at least one model");
        }
        Sequence list = values.sequence(node, "a list of models, each with model_name and litellm_params");
        if (list.items().isEmpty()) {
            throw values.error(node, EMPTY);
        }
        ModelList models = read(list);
        if (models.deployments().isEmpty()) {
            throw values.error(node, "no deployment left: every model_list entry was skipped (a mode other than "
                    + DeploymentReader.AUDIO_MODE + " with an unsupported provider); add an audio transcription model");
        }
        return models;
    }

    private ModelList read(Sequence list) {
        DeploymentReader reader = new DeploymentReader(values, providers, new DeploymentIds(values),
                dropParamsByDefault);
        List<Deployment> deployments = new ArrayList<>();
        SequencedSet<String> groups = new LinkedHashSet<>();
        SequencedSet<String> skipped = new LinkedHashSet<>();
        for (YamlNode item : list.items()) {
            DeploymentReader.Entry entry = reader.read(item);
            entry.deployment().ifPresentOrElse(deployment -> {
                deployments.add(deployment);
                groups.add(deployment.modelName());
            }, () -> skipped.add(entry.modelName()));
        }
        skipped.removeAll(groups);
        return new ModelList(deployments, groups, skipped);
    }

    /**
     * What {@code model_list} holds.
     *
     * @param deployments   the deployments, in file order
     * @param groups        the model groups they form, in file order
     * @param skippedGroups groups whose every entry was skipped as a non-audio model
     */
    record ModelList(List<Deployment> deployments, SequencedSet<String> groups, SequencedSet<String> skippedGroups) {
        ModelList {
            deployments = List.copyOf(deployments);
            groups = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(groups));
            skippedGroups = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(skippedGroups));
        }
    }
}
