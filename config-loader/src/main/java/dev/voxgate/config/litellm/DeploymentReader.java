package dev.voxgate.config.litellm;

import dev.voxgate.config.KnownProviders;
import dev.voxgate.config.litellm.YamlNode.Mapping;
import dev.voxgate.config.litellm.YamlNode.Scalar;
import dev.voxgate.config.litellm.YamlNode.Sequence;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ModelReference;
import dev.voxgate.core.model.ParamValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads one {@code model_list} entry into a {@link Deployment}. {@code litellm_params} keys Voxgate acts on become
 * typed fields; LiteLLM's own keys that Voxgate does not act on yet are warned about; every other key is a
 * vendor-specific parameter (Deepgram {@code punctuate}, …) and passes through as text.
 *
 * <p>Not thread-safe; one instance per file.
 */
final class DeploymentReader {

    static final String AUDIO_MODE = "audio_transcription";
    private static final Set<String> ENTRY_KEYS = Set.of("model_name", "litellm_params", "model_info");
    private static final Set<String> MODEL_INFO_KEYS = Stream.of(Stream.of("id", "mode", PriceReader.BASE_MODEL),
            CapabilityOverridesReader.KEYS.stream(), PriceReader.COST_KEYS.stream()).flatMap(keys -> keys)
            .collect(Collectors.toUnmodifiableSet());
    // LiteLLM's generic litellm_params (litellm/types/router.py), which are not parameters of any provider's API.
    private static final Set<String> NOT_SUPPORTED_PARAMS = Set.of(
            "max_retries", "stream_timeout", "organization", "region_name", "tags", "input_cost_per_token",
            "output_cost_per_token", "input_cost_per_pixel", "output_cost_per_pixel", "max_budget", "budget_duration",
            "azure_ad_token", "azure_ad_token_provider", "tenant_id", "client_id", "client_secret", "azure_username",
            "azure_password", "azure_scope", "use_in_pass_through", "use_litellm_proxy",
            "merge_reasoning_content_in_choices", "additional_drop_params", "litellm_credential_name",
            "configurable_clientside_auth_params", "mock_response", "model_info", "headers", "extra_headers",
            "vertex_project", "vertex_location", "vertex_credentials", "aws_access_key_id", "aws_secret_access_key",
            "aws_session_token", "aws_region_name", "aws_session_name", "aws_profile_name", "aws_role_name",
            "aws_web_identity_token", "aws_sts_endpoint", "aws_bedrock_runtime_endpoint", "watsonx_region_name",
            "litellm_trace_id");

    private static final String PARAMS_SHAPE = "a map of settings such as model and api_key";

    private final ValueReader values;
    private final CapabilityOverridesReader capabilities;
    private final PriceReader prices;
    private final KnownProviders providers;
    private final DeploymentIds ids;
    private final boolean dropParamsByDefault;

    /**
     * @param dropParamsByDefault {@code litellm_settings.drop_params}: what a deployment without its own
     *                            {@code drop_params} does with parameters its provider does not accept
     */
    DeploymentReader(ValueReader values, KnownProviders providers, DeploymentIds ids,
                     boolean dropParamsByDefault) {
        this.values = values;
        this.capabilities = new CapabilityOverridesReader(values);
        this.prices = new PriceReader(values);
        this.providers = providers;
        this.ids = ids;
        this.dropParamsByDefault = dropParamsByDefault;
    }

    /** The deployment at {@code node}; its deployment is empty when skipped as a non-audio model. */
    Entry read(YamlNode node) {
        Mapping entry = values.mapping(node, "a map with model_name, litellm_params and model_info");
        String modelName = values.requiredText(entry, "model_name",
                "every model_list entry needs a model_name, the model group callers ask for");
        Mapping params = values.mapping(values.required(entry, "litellm_params",
                "every model_list entry needs litellm_params with at least model"), PARAMS_SHAPE);
        Mapping info = values.mapping(entry, "model_info", "a map such as {mode: audio_transcription}");
        String model = values.requiredText(params, "model", "write <provider>/<model>, e.g. azure/my-whisper, "
                + "or a bare OpenAI model name such as whisper-1").strip();
        Optional<String> mode = Optional.ofNullable(info.entries().get("mode")).flatMap(values::text);
        Optional<ModelReference> reference = reference(params, model, mode);
        if (reference.isEmpty()) {
            return new Entry(modelName, Optional.empty());
        }
        return new Entry(modelName, Optional.of(deployment(entry, modelName, params, info, reference.get())));
    }

    private Deployment deployment(
            Mapping entry, String modelName, Mapping params, Mapping info, ModelReference reference) {
        String id = ids.assign(entry, modelName, params, Optional.ofNullable(info.entries().get("id")));
        Deployment.Builder builder = Deployment.builder(id, modelName, reference.provider(), reference.model())
                .dropParams(dropParamsByDefault);
        Map<String, YamlNode> vendorParams = new LinkedHashMap<>();
        params.entries().forEach((key, value) -> apply(builder, key, value, vendorParams));
        entry.entries().forEach((key, value) -> warnUnlessKnown(ENTRY_KEYS, key, value));
        info.entries().forEach((key, value) -> warnUnlessKnown(MODEL_INFO_KEYS, key, value));
        builder.capabilityOverrides(capabilities.read(info));
        prices.read(params, info).ifPresent(builder::price);
        YamlNode mode = info.entries().get("mode");
        if (mode != null) {
            values.text(mode).filter(value -> !value.equals(AUDIO_MODE)).ifPresent(value -> values.warn(mode,
                    "mode '" + value + "': Voxgate serves audio transcription only, so this deployment only gets "
                            + "transcription requests"));
        }
        Deployment deployment = builder.build();
        checkVendorParams(deployment, vendorParams);
        return deployment;
    }

    // Each vendor parameter against what the provider declares it takes (names and kinds), so that a typo or a list
    // where a number belongs stops the start with its line rather than failing the first call.
    private void checkVendorParams(Deployment deployment, Map<String, YamlNode> vendorParams) {
        Capabilities takes = deployment.capabilities(providers.declared(deployment));
        Set<String> settings = providers.settings(deployment.provider());
        vendorParams.forEach((name, node) -> {
            ParamValue value = deployment.params().get(name);
            if (value == null || settings.contains(name)) {
                return;
            }
            takes.paramProblem(name, value).ifPresent(problem -> {
                String about = "'" + name + "' " + problem + " (" + deployment.qualifiedModel() + ")";
                String known = takes.params().map(types -> "; its parameters: " + (types.isEmpty() ? "none"
                        : String.join(", ", new TreeSet<>(types.keySet())))).orElse("");
                if (!takes.takes(name) && deployment.dropParams()) {
                    values.warn(node, about + ", so drop_params drops it from every call" + known);
                } else if (!takes.takes(name)) {
                    throw values.error(node, about + known + " (or name it in model_info.supported_params, or set "
                            + "drop_params: true)");
                } else {
                    throw values.error(node, about);
                }
            });
        });
    }

    private Optional<ModelReference> reference(Mapping params, String model, Optional<String> mode) {
        YamlNode custom = params.entries().get("custom_llm_provider");
        Optional<String> customProvider = custom == null ? Optional.empty() : values.text(custom);
        if (customProvider.isPresent()) {
            return withCustomProvider(customProvider.get().strip(), custom, params, model, mode);
        }
        YamlNode modelNode = params.entries().get("model");
        int slash = model.indexOf('/');
        if (slash > 0 && !providers.supports(model.substring(0, slash))) {
            return skipOrFail(modelNode, "unknown provider '" + model.substring(0, slash) + "' in '" + model
                    + "': write <provider>/<model> with a supported provider, or a bare OpenAI model name", mode);
        }
        return Optional.of(ModelReference.parse(model, providers::supports).orElseThrow(() -> values.error(modelNode,
                "'" + model + "' is not <provider>/<model>: write e.g. azure/my-whisper, or a bare OpenAI model "
                        + "name such as whisper-1")));
    }

    // LiteLLM: custom_llm_provider names the provider, and model is then the provider's model name as it stands,
    // unless it repeats the provider as a prefix.
    private Optional<ModelReference> withCustomProvider(
            String provider, YamlNode custom, Mapping params, String model, Optional<String> mode) {
        if (!providers.supports(provider)) {
            return skipOrFail(custom, "unknown provider '" + provider + "' in custom_llm_provider: write a "
                    + "supported provider, or remove custom_llm_provider and write <provider>/<model> in model", mode);
        }
        String prefix = provider + "/";
        String providerModel = model.startsWith(prefix) ? model.substring(prefix.length()) : model;
        if (providerModel.isBlank()) {
            throw values.error(params.entries().get("model"), "names no model after '" + prefix + "'");
        }
        return Optional.of(new ModelReference(provider, providerModel));
    }

    // A LiteLLM config often mixes chat models with audio ones; a chat model of a provider Voxgate lacks is not
    // an error in the file, so it is left out rather than failing the whole config.
    private Optional<ModelReference> skipOrFail(YamlNode at, String problem, Optional<String> mode) {
        Optional<String> otherMode = mode.filter(value -> !value.equals(AUDIO_MODE));
        if (otherMode.isEmpty()) {
            throw values.error(at, problem);
        }
        values.warn(at, "deployment skipped: its mode is '" + otherMode.get() + "' (Voxgate serves audio "
                + "transcription only) and its provider is not supported (" + problem + ")");
        return Optional.empty();
    }

    private void apply(Deployment.Builder builder, String key, YamlNode node, Map<String, YamlNode> vendorParams) {
        switch (key) {
            case "model", "custom_llm_provider", "input_cost_per_second", "output_cost_per_second" -> {
                // read into the provider and model, or the price, already
            }
            case "api_key" -> values.secret(node).ifPresent(builder::apiKey);
            case "api_base" -> values.text(node).ifPresent(builder::apiBase);
            case "api_version" -> values.text(node).ifPresent(builder::apiVersion);
            case "timeout" -> values.seconds(node, false).ifPresent(builder::timeout);
            case "weight" -> values.nonNegative(node).ifPresent(builder::weight);
            case "rpm" -> values.count(node).ifPresent(builder::rpm);
            case "tpm" -> values.count(node).ifPresent(builder::tpm);
            case "order" -> values.count(node).ifPresent(builder::order);
            case "max_parallel_requests" -> values.count(node).ifPresent(builder::maxParallelRequests);
            case "cooldown_time" -> values.seconds(node, true).ifPresent(builder::cooldownTime);
            case "drop_params" -> values.flag(node).ifPresent(builder::dropParams);
            case "max_file_size_mb" -> values.nonNegative(node).ifPresent(mb -> {
                if (mb == 0) {
                    throw values.error(node, "must be more than 0 (megabytes of the largest audio file to send)");
                }
                builder.maxUploadBytes((long) (mb * 1024 * 1024));
            });
            default -> passThrough(builder, key, node, vendorParams);
        }
    }

    // A vendor parameter: a single value, a list (keyterm: [a, b]) or a map of single values
    // (chunking_strategy: {type: server_vad}), as the vendor's API takes it.
    private void passThrough(Deployment.Builder builder, String key, YamlNode node, Map<String, YamlNode> vendorParams) {
        if (NOT_SUPPORTED_PARAMS.contains(key)) {
            values.ignore(node);
            return;
        }
        Optional<ParamValue> value = switch (node) {
            case Scalar scalar -> values.text(scalar).map(ParamValue::text);
            case Sequence list -> Optional.of(ParamValue.values(list.items().stream().map(this::single).toList()));
            case Mapping map -> {
                Map<String, String> fields = new LinkedHashMap<>();
                map.entries().forEach((field, item) -> fields.put(field, single(item)));
                yield Optional.of(ParamValue.fields(fields));
            }
        };
        value.ifPresent(present -> {
            builder.param(key, present);
            vendorParams.put(ParamValue.root(key), node);
        });
    }

    private String single(YamlNode item) {
        if (!(item instanceof Scalar)) {
            throw values.error(item, "is " + item.kind() + ", but the items of a vendor parameter's list or map are "
                    + "single values (text, numbers, true/false)");
        }
        return values.text(item).orElseThrow(() -> values.error(item, "is empty: give a value or remove it"));
    }

    private void warnUnlessKnown(Set<String> known, String key, YamlNode node) {
        if (!known.contains(key)) {
            values.ignore(node);
        }
    }

    /**
     * One read {@code model_list} entry.
     *
     * @param modelName  the model group it belongs to
     * @param deployment the deployment; empty when skipped
     */
    record Entry(String modelName, Optional<Deployment> deployment) {
    }
}
