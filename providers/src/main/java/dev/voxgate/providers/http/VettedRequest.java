package dev.voxgate.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.error.TranscriptionException;
import dev.voxgate.core.error.TranscriptionFailure.InvalidRequest;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamType;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.TranscriptionRequest;
import dev.voxgate.providers.http.ParamSchema.Param;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request cleared for one provider by its {@link ParamSchema}: the request without the OpenAI fields the provider
 * does not take (as the vendor's shaper left it), and the parameters it takes, checked, in the order they are sent
 * (by name; defaults the adapter adds come after). It writes each parameter where it goes, in the kind of value it
 * is: a text as one value, a list (or a text given to a list) as the vendor reads lists, a map as {@code name[key]}
 * parts or keys (as openai-python sends objects), or as JSON.
 *
 * <p>Immutable and thread-safe.
 */
public final class VettedRequest {

    private static final Logger LOG = LoggerFactory.getLogger(VettedRequest.class);
    private final ParamSchema schema;
    private final TranscriptionRequest request;
    private final Map<String, Entry> params;

    /** A checked parameter: its declaration and its value. */
    record Entry(Param param, ParamValue value) {
        Entry {
            Objects.requireNonNull(param, "param");
            Objects.requireNonNull(value, "value");
        }

        boolean isList() {
            return value instanceof ParamValue.Values || param.type() == ParamType.LIST;
        }
    }

    private VettedRequest(ParamSchema schema, TranscriptionRequest request, Map<String, Entry> params) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.request = Objects.requireNonNull(request, "request");
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** {@code request} to {@code deployment} vetted by {@code schema}, as {@link ParamSchema} describes. */
    static VettedRequest of(ParamSchema schema, Deployment deployment, TranscriptionRequest request,
                            UnaryOperator<TranscriptionRequest> shaper) {
        TranscriptionRequest shaped = shaper.apply(withoutFieldsNotTaken(schema, deployment, request));
        Map<String, ParamValue> merged = new TreeMap<>(deployment.params());
        merged.putAll(shaped.providerParams());
        Map<String, Entry> accepted = new LinkedHashMap<>();
        merged.forEach((name, value) -> {
            if (schema.leavesToTheRequest(shaped, name)) {
                return;
            }
            Optional<Param> param = schema.param(name);
            if (param.isEmpty()) {
                refuseOrDrop(deployment, name);
                return;
            }
            param.get().type().problem(value).ifPresent(problem -> {
                throw new TranscriptionException(InvalidRequest.ofParam(name, "parameter '" + name
                        + "' of provider " + deployment.provider() + " (deployment '" + deployment.id() + "') "
                        + problem));
            });
            accepted.put(name, new Entry(param.get(), lowerCaseBoolean(value)));
        });
        return new VettedRequest(schema, shaped, accepted);
    }

    private static TranscriptionRequest withoutFieldsNotTaken(ParamSchema schema, Deployment deployment,
                                                              TranscriptionRequest request) {
        TranscriptionRequest.Builder kept = null;
        for (StandardField field : StandardField.values()) {
            if (!schema.takes(field) && field.presentIn(request)) {
                refuseOrDrop(deployment, field.wireName());
                kept = kept == null ? request.toBuilder() : kept;
                field.clear(kept);
            }
        }
        return kept == null ? request : kept.build();
    }

    private static void refuseOrDrop(Deployment deployment, String name) {
        if (!deployment.dropParams()) {
            throw new TranscriptionException(InvalidRequest.unsupportedParam(name, deployment.provider(),
                    deployment.id()));
        }
        LOG.debug("dropping parameter '{}' that {} (deployment '{}') does not take", name, deployment.provider(),
                deployment.id());
    }

    private static ParamValue lowerCaseBoolean(ParamValue value) {
        if (value instanceof ParamValue.Text(String text)) {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            return lower.equals("true") || lower.equals("false") ? ParamValue.text(lower) : value;
        }
        return value;
    }

    /** The request without the OpenAI fields the provider does not take, as the vendor's shaper left it. */
    public TranscriptionRequest request() {
        return request;
    }

    /** The value of parameter {@code name}, when the call sets it. */
    public Optional<ParamValue> value(String name) {
        return Optional.ofNullable(params.get(name)).map(Entry::value);
    }

    /** These parameters without {@code name}, which the adapter sends in a place of its own. */
    public VettedRequest without(String name) {
        Map<String, Entry> kept = new LinkedHashMap<>(params);
        kept.remove(name);
        return new VettedRequest(schema, request, kept);
    }

    /**
     * These parameters with {@code name} set to {@code value} after the others, unless the call sets it: what the
     * request implies (Deepgram's {@code utterances=true} for subtitles), which the caller may still override.
     *
     * @throws IllegalArgumentException when the provider does not declare {@code name}
     */
    public VettedRequest orDefault(String name, ParamValue value) {
        if (params.containsKey(name)) {
            return this;
        }
        Param param = schema.param(name).orElseThrow(() -> new IllegalArgumentException("parameter '" + name
                + "' is not declared"));
        Map<String, Entry> with = new LinkedHashMap<>(params);
        with.put(name, new Entry(param, value));
        return new VettedRequest(schema, request, with);
    }

    /** These parameters with {@code names}, where set, sent first and in that order. */
    public VettedRequest leading(String... names) {
        Map<String, Entry> reordered = new LinkedHashMap<>();
        for (String name : names) {
            Optional.ofNullable(params.get(name)).ifPresent(entry -> reordered.put(name, entry));
        }
        reordered.putAll(params);
        return new VettedRequest(schema, request, reordered);
    }

    /** Adds the form parameters to {@code form}, lists in {@code lists}. */
    public void writeForm(MultipartBody.Builder form, ArrayEncoding lists) {
        placed(ParamPlacement.FORM).forEach((name, entry) -> {
            if (entry.value() instanceof ParamValue.Fields map) {
                map.fields().forEach((key, field) -> form.addFormDataPart(name + "[" + key + "]", field));
            } else if (entry.isList()) {
                lists.encode(name, entry.value().values(), form::addFormDataPart);
            } else {
                form.addFormDataPart(name, ((ParamValue.Text) entry.value()).value());
            }
        });
    }

    /** Adds the query parameters to {@code url}, URL-encoded; a list is one key per value. */
    public void writeQuery(HttpUrl.Builder url) {
        placed(ParamPlacement.QUERY).forEach((name, entry) -> {
            if (entry.value() instanceof ParamValue.Fields map) {
                map.fields().forEach((key, field) -> url.addQueryParameter(name + "[" + key + "]", field));
            } else {
                entry.value().values().forEach(value -> url.addQueryParameter(name, value));
            }
        });
    }

    /** Sets the JSON parameters as members of {@code body}: numbers and booleans as such, a map's values as texts. */
    public void writeJson(ObjectNode body) {
        placed(ParamPlacement.JSON).forEach((name, entry) -> body.set(name, json(entry)));
    }

    private Map<String, Entry> placed(ParamPlacement placement) {
        Map<String, Entry> placed = new LinkedHashMap<>();
        params.forEach((name, entry) -> {
            if (entry.param().placement() == placement) {
                placed.put(name, entry);
            }
        });
        return placed;
    }

    private static JsonNode json(Entry entry) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (entry.value() instanceof ParamValue.Fields map) {
            ObjectNode object = nodes.objectNode();
            map.fields().forEach(object::put);
            return object;
        }
        if (entry.isList()) {
            ArrayNode array = nodes.arrayNode();
            entry.value().values().forEach(array::add);
            return array;
        }
        String text = ((ParamValue.Text) entry.value()).value();
        return switch (entry.param().type()) {
            case NUMBER -> nodes.numberNode(new BigDecimal(text.strip()));
            case BOOLEAN -> nodes.booleanNode(Boolean.parseBoolean(text));
            default -> nodes.textNode(text);
        };
    }

    @Override
    public String toString() {
        return "VettedRequest" + params.keySet();
    }
}
