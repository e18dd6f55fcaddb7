package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.core.model.AudioTask;
import dev.voxgate.core.model.Capabilities;
import dev.voxgate.core.model.Deployment;
import dev.voxgate.core.model.ParamValue;
import dev.voxgate.core.model.Price;
import dev.voxgate.core.model.PriceTable;
import dev.voxgate.core.model.ResponseFormat;
import dev.voxgate.providers.ProviderCatalog;
import dev.voxgate.router.DeploymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One entry of {@code /model/info}, in LiteLLM's shape: {@code model_name}, {@code litellm_params} as configured
 * but without a single credential, and {@code model_info} with the deployment's id, provider, what it can serve (as
 * the router judges it), its price and its live state.
 *
 * <p>Credentials are left out, not masked, as LiteLLM leaves them out of its {@code /model/info}: {@code api_key},
 * any vendor parameter whose name has a credential word in it ({@code token}, {@code secret}, {@code password},
 * {@code key}, …, as a whole word: {@code keyterm} stays), and a user name and password written into
 * {@code api_base}.
 *
 * <p>Thread-safe.
 */
final class DeploymentInfo {

    private static final Set<String> CREDENTIAL_WORDS = Set.of("key", "apikey", "token", "secret", "password",
            "passwd", "pwd", "credential", "credentials", "auth", "authorization", "signature", "cookie");
    private static final Pattern WORD_SEPARATOR = Pattern.compile("[^a-z0-9]+");
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");
    private static final double MEBIBYTE = 1024 * 1024;

    private final ObjectMapper json;
    private final ProviderCatalog catalog;
    private final PriceTable prices;

    DeploymentInfo(ObjectMapper json, ProviderCatalog catalog, PriceTable prices) {
        this.json = Objects.requireNonNull(json, "json");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** The entry of the deployment whose live state is {@code status}. */
    ObjectNode describe(DeploymentStatus status) {
        Deployment deployment = status.deployment();
        ObjectNode entry = json.createObjectNode().put("model_name", deployment.modelName());
        entry.set("litellm_params", params(deployment));
        ObjectNode info = entry.putObject("model_info").put("id", deployment.id())
                .put("litellm_provider", deployment.provider()).put("mode", "audio_transcription");
        price(info, prices.priceOf(deployment));
        info.set("capabilities", capabilities(deployment.capabilities(catalog.declared(deployment))));
        info.set("status", state(status));
        return entry;
    }

    /** Whether a parameter called {@code name} holds a credential. */
    static boolean isCredential(String name) {
        return Arrays.stream(WORD_SEPARATOR.split(name.toLowerCase(Locale.ROOT))).anyMatch(CREDENTIAL_WORDS::contains);
    }

    private ObjectNode params(Deployment deployment) {
        ObjectNode params = json.createObjectNode().put("model", deployment.qualifiedModel());
        deployment.apiBase().ifPresent(base -> params.put("api_base", USER_INFO.matcher(base).replaceFirst("$1")));
        deployment.apiVersion().ifPresent(version -> params.put("api_version", version));
        deployment.timeout().ifPresent(timeout -> params.put("timeout", seconds(timeout)));
        deployment.weight().ifPresent(weight -> params.put("weight", weight));
        deployment.rpm().ifPresent(rpm -> params.put("rpm", rpm));
        deployment.tpm().ifPresent(tpm -> params.put("tpm", tpm));
        deployment.order().ifPresent(order -> params.put("order", order));
        deployment.maxParallelRequests().ifPresent(limit -> params.put("max_parallel_requests", limit));
        deployment.cooldownTime().ifPresent(rest -> params.put("cooldown_time", seconds(rest)));
        deployment.maxUploadBytes().ifPresent(bytes -> params.put("max_file_size_mb", bytes / MEBIBYTE));
        params.put("drop_params", deployment.dropParams());
        new TreeMap<>(deployment.params()).forEach((name, value) -> {
            if (!isCredential(name)) {
                params.set(name, paramValue(value));
            }
        });
        return params;
    }

    private JsonNode paramValue(ParamValue value) {
        return switch (value) {
            case ParamValue.Text text -> json.getNodeFactory().textNode(text.value());
            case ParamValue.Values values -> strings(values.values());
            case ParamValue.Fields fields -> {
                ObjectNode map = json.createObjectNode();
                fields.fields().forEach(map::put);
                yield map;
            }
        };
    }

    // LiteLLM's keys for the rates; the minimum billed length and where the price was read are Voxgate's.
    private static void price(ObjectNode info, Optional<Price> price) {
        info.put("input_cost_per_second", price.map(Price::inputCostPerSecond).orElse(null));
        info.put("output_cost_per_second", price.map(Price::outputCostPerSecond).orElse(null));
        if (price.isPresent()) {
            info.put("minimum_billed_seconds", price.get().minimumBilledSeconds());
        } else {
            info.putNull("minimum_billed_seconds");
        }
        info.put("price_source", price.map(Price::source).orElse(null));
    }

    private ObjectNode capabilities(Capabilities capabilities) {
        ObjectNode node = json.createObjectNode();
        node.set("tasks", strings(capabilities.tasks().stream().sorted().map(AudioTask::route).toList()));
        node.put("streaming", capabilities.streaming());
        node.set("response_formats", formats(capabilities.responseFormats()));
        node.set("native_response_formats", formats(capabilities.nativeFormats()));
        ArrayNode granularities = node.putArray("timestamp_granularities");
        if (capabilities.wordTimestamps()) {
            granularities.add("word");
        }
        if (capabilities.segmentTimestamps()) {
            granularities.add("segment");
        }
        node.put("diarization", capabilities.diarization());
        node.put("max_upload_bytes", capabilities.maxUploadBytes().orElse(null));
        node.put("max_audio_seconds", capabilities.maxAudio().map(Duration::toSeconds).orElse(null));
        // null: it takes any parameter and its vendor decides (a self-hosted server)
        capabilities.params().ifPresentOrElse(types -> {
            ObjectNode params = node.putObject("params");
            new TreeMap<>(types).forEach((name, type) -> params.put(name, type.name().toLowerCase(Locale.ROOT)));
        }, () -> node.putNull("params"));
        return node;
    }

    private ObjectNode state(DeploymentStatus status) {
        ObjectNode node = json.createObjectNode().put("resting", status.resting())
                .put("resting_until", status.restingUntil().map(DeploymentInfo::time).orElse(null))
                .put("in_flight", status.inFlight()).put("requests_this_minute", status.requestsThisMinute())
                .put("failures_this_minute", status.failuresThisMinute())
                .put("at_limit", status.atLimit().orElse(null))
                .put("last_failure", status.lastFailure().map(AccessLog::label).orElse(null))
                .put("last_failure_at", status.lastFailureAt().map(DeploymentInfo::time).orElse(null));
        ArrayNode latencies = node.putArray("recent_latencies_ms");
        status.recentLatencies().forEach(sample -> latencies.add(sample.latency().toNanos() / 1e6));
        return node;
    }

    private ArrayNode formats(Set<ResponseFormat> formats) {
        return strings(formats.stream().sorted().map(ResponseFormat::wireName).toList());
    }

    private ArrayNode strings(Iterable<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    // To the millisecond, as the log writes times.
    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
