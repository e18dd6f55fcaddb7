package dev.voxgate.tracing;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import dev.voxgate.core.error.TranscriptionFailure;
import io.opentelemetry.api.common.AttributeKey;
import java.util.Locale;
import java.util.Map;

/**
 * The attribute names the spans carry: OpenTelemetry's HTTP and GenAI semantic conventions where one fits, Voxgate's
 * own under {@code voxgate.} for the rest. Every value comes from the config, a fixed vocabulary or the request line:
 * never a key, an {@code Authorization} header, a form field or a transcript.
 */
final class SpanAttributes {

    // HTTP server (stable conventions).
    static final AttributeKey<String> HTTP_METHOD = stringKey("http.request.method");
    static final AttributeKey<String> HTTP_ROUTE = stringKey("http.route");
    static final AttributeKey<Long> HTTP_STATUS = longKey("http.response.status_code");
    static final AttributeKey<String> URL_PATH = stringKey("url.path");
    static final AttributeKey<String> URL_SCHEME = stringKey("url.scheme");
    static final AttributeKey<String> SERVER_ADDRESS = stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = longKey("server.port");
    static final AttributeKey<String> CLIENT_ADDRESS = stringKey("client.address");
    static final AttributeKey<String> USER_AGENT = stringKey("user_agent.original");
    static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");

    // GenAI client (development conventions); gen_ai.system is the older name of gen_ai.provider.name, which many
    // backends still read.
    static final AttributeKey<String> GEN_AI_OPERATION = stringKey("gen_ai.operation.name");
    static final AttributeKey<String> GEN_AI_PROVIDER = stringKey("gen_ai.provider.name");
    static final AttributeKey<String> GEN_AI_SYSTEM = stringKey("gen_ai.system");
    static final AttributeKey<String> GEN_AI_REQUEST_MODEL = stringKey("gen_ai.request.model");

    // Voxgate's own.
    static final AttributeKey<String> REQUEST_ID = stringKey("voxgate.request.id");
    static final AttributeKey<String> REQUESTED_MODEL = stringKey("voxgate.requested_model");
    static final AttributeKey<String> MODEL_GROUP = stringKey("voxgate.model_group");
    static final AttributeKey<String> DEPLOYMENT_ID = stringKey("voxgate.deployment.id");
    static final AttributeKey<Boolean> CALLER_CREDENTIALS = booleanKey("voxgate.caller_credentials");
    static final AttributeKey<String> OUTCOME = stringKey("voxgate.outcome");
    static final AttributeKey<Double> AUDIO_SECONDS = doubleKey("voxgate.audio_seconds");
    static final AttributeKey<Double> COST_USD = doubleKey("voxgate.cost_usd");
    static final AttributeKey<Long> RETRIES = longKey("voxgate.retries");
    static final AttributeKey<Long> FALLBACKS = longKey("voxgate.fallbacks");
    static final AttributeKey<Boolean> STREAMING = booleanKey("voxgate.streaming");

    // Voxgate's provider ids where the GenAI conventions name the same vendor otherwise.
    private static final Map<String, String> PROVIDER_NAMES = Map.of("azure", "azure.ai.openai", "mistral",
            "mistral_ai");

    private SpanAttributes() {
    }

    /** {@code gen_ai.provider.name} of a Voxgate provider id. */
    static String providerName(String provider) {
        return PROVIDER_NAMES.getOrDefault(provider, provider);
    }

    /** A failure's kind by its type, a fixed vocabulary: {@code RateLimited} as {@code rate_limited}. */
    static String failureName(TranscriptionFailure failure) {
        return failure.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** An enum constant as an attribute value: {@code RATE_LIMIT} as {@code rate_limit}. */
    static String snakeCase(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
