package dev.voxgate.providers.http;

import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.TranscriptionRequest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The parameters one provider takes: the OpenAI fields it sends or maps ({@link StandardField}), and its own
 * parameters, each with the kind of value it takes ({@link ParamType}) and where it goes ({@link ParamPlacement}). It
 * is the one declaration both the provider's declared {@code Capabilities.params} (which the config-loader checks
 * {@code litellm_params} against) and the check of every call are made from, so the two cannot drift apart.
 *
 * <p>A call's parameters are the deployment's {@code params} overlaid by the request's {@code providerParams} (the
 * request's value replaces the deployment's), sorted by name. {@link #vet} refuses, before anything is sent, with
 * {@code InvalidRequest} naming it: an OpenAI field or a parameter the provider does not take, unless the deployment
 * drops such parameters ({@code drop_params: true}), which leaves it out; and a value of the wrong kind (a map for a
 * list, {@code fast} for a number), whatever {@code drop_params} says. A parameter named like a field the adapter
 * fills from the request ({@code file}, {@code model}, and the OpenAI fields it takes) is left out: the request's
 * field owns that name; unless the provider declares a parameter of that name too, which is sent when the request
 * leaves the field unset (Deepgram's {@code language}). {@code true} and {@code false} in any case are sent
 * lower-case, as LiteLLM sends Python's booleans.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParamSchema {

    // Set from the request itself; a parameter of the same name never replaces them.
    private static final Set<String> SENT_BY_ADAPTER = Set.of("file", "model");

    private final Set<StandardField> standardFields;
    private final Map<String, Param> params;
    private final Optional<ParamPlacement> anyName;
    private final Optional<Map<String, ParamType>> types;

    /**
     * One parameter a provider takes.
     *
     * @param name      its name, without brackets ({@code keywords}, not {@code keywords[]})
     * @param type      the kind of value it takes
     * @param placement where it goes
     */
    public record Param(String name, ParamType type, ParamPlacement placement) {
        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(placement, "placement");
            if (!ParamValue.root(name).equals(name) || name.isBlank()) {
                throw new IllegalArgumentException("parameter '" + name + "' must be declared by its bare name: "
                        + "its type says whether it is a list or a map");
            }
        }
    }

    private ParamSchema(Builder builder) {
        this.standardFields = Set.copyOf(builder.standardFields);
        this.params = Map.copyOf(builder.params);
        this.anyName = Optional.ofNullable(builder.anyName);
        this.types = anyName.isPresent() ? Optional.empty() : Optional.of(declaredTypes());
    }

    /** A schema of no OpenAI field and no parameter, to be named one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every OpenAI field and no parameter of its own: an OpenAI-compatible vendor without extras (Groq). */
    public static ParamSchema standardFieldsOnly() {
        return builder().allStandardFields().build();
    }

    /** Whether the provider takes OpenAI's {@code field}. */
    public boolean takes(StandardField field) {
        return standardFields.contains(field);
    }

    /** Whether the provider declares parameter {@code name} of its own (never, when it takes any name). */
    public boolean declares(String name) {
        return params.containsKey(name);
    }

    /**
     * The kind of value each parameter takes, by name, OpenAI's fields included ({@code response_format} aside, which
     * every request has): what {@code Capabilities.params} declares. Empty when the provider takes any name.
     */
    public Optional<Map<String, ParamType>> types() {
        return types;
    }

    /** {@code request} to {@code deployment}, checked and cleared as the class comment says. */
    public VettedRequest vet(Deployment deployment, TranscriptionRequest request) {
        return vet(deployment, request, UnaryOperator.identity());
    }

    /**
     * {@code request} to {@code deployment}, checked and cleared; {@code shaper} adjusts the request after the OpenAI
     * fields the provider does not take are cleared and before its parameters are checked, so that a parameter it
     * adds (gpt-transcribe's {@code languages} for a {@code language}) is checked as the caller's own are.
     *
     * @throws TranscriptionException with {@code InvalidRequest} naming the first parameter refused
     */
    public VettedRequest vet(Deployment deployment, TranscriptionRequest request,
                             UnaryOperator<TranscriptionRequest> shaper) {
        return VettedRequest.of(this, deployment, request, shaper);
    }

    /** The declaration of parameter {@code name}; any name has one when the provider takes any. */
    Optional<Param> param(String name) {
        return Optional.ofNullable(params.get(name))
                .or(() -> anyName.map(placement -> new Param(name, ParamType.ANY, placement)));
    }

    /**
     * Whether parameter {@code name} is left to {@code request}'s own field: {@code file}, {@code model}, and the
     * OpenAI fields the provider takes, unless it declares a parameter of that name, which the field then replaces
     * only when set.
     */
    boolean leavesToTheRequest(TranscriptionRequest request, String name) {
        if (SENT_BY_ADAPTER.contains(name)) {
            return true;
        }
        return standardFields.stream().filter(field -> field.wireName().equals(name)).findFirst()
                .map(field -> !params.containsKey(name) || field.presentIn(request))
                .orElse(false);
    }

    private Map<String, ParamType> declaredTypes() {
        Map<String, ParamType> declared = new HashMap<>();
        standardFields.stream().filter(field -> field != StandardField.RESPONSE_FORMAT)
                .forEach(field -> declared.put(field.wireName(), field.type()));
        params.values().forEach(param -> declared.put(param.name(), param.type()));
        return Map.copyOf(declared);
    }

    /** Builds a {@link ParamSchema}; not thread-safe. */
    public static final class Builder {
        private final Set<StandardField> standardFields = EnumSet.noneOf(StandardField.class);
        private final Map<String, Param> params = new LinkedHashMap<>();
        private ParamPlacement anyName;

        private Builder() {
        }

        /** Takes these OpenAI fields, besides those named before. */
        public Builder standardFields(StandardField... fields) {
            standardFields.addAll(Arrays.asList(fields));
            return this;
        }

        public Builder allStandardFields() {
            return standardFields(StandardField.values());
        }

        /** Parameters {@code names}, each a multipart form field taking a {@code type}. */
        public Builder form(ParamType type, String... names) {
            return param(ParamPlacement.FORM, type, names);
        }

        /** Parameters {@code names}, each a query parameter taking a {@code type}. */
        public Builder query(ParamType type, String... names) {
            return param(ParamPlacement.QUERY, type, names);
        }

        /**
         * Parameters {@code names}, each taking a {@code type}, placed at {@code placement}.
         *
         * @throws IllegalArgumentException for a name declared twice or with brackets
         */
        public Builder param(ParamPlacement placement, ParamType type, String... names) {
            for (String name : names) {
                if (params.put(name, new Param(name, type, placement)) != null) {
                    throw new IllegalArgumentException("parameter '" + name + "' is declared twice");
                }
            }
            return this;
        }

        /** Takes any name, of any kind, at {@code placement}: a self-hosted server, whose extras vary by build. */
        public Builder anyName(ParamPlacement placement) {
            this.anyName = Objects.requireNonNull(placement, "placement");
            return this;
        }

        public ParamSchema build() {
            return new ParamSchema(this);
        }
    }
}
