package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller asks of the response cache: {@code Cache-Control: no-cache} (answer afresh, then keep that answer) and
 * {@code no-store} (keep nothing), or the same as LiteLLM takes them, {@code {"no-cache": true}} in a {@code cache}
 * form field or under {@code cache} in the {@code metadata} field.
 *
 * @param noCache the caller wants a fresh answer, not a cached one
 * @param noStore the caller's answer must not be kept
 */
record CacheDirectives(boolean noCache, boolean noStore) {

    static final CacheDirectives NONE = new CacheDirectives(false, false);
    private static final String NO_CACHE = "no-cache";
    private static final String NO_STORE = "no-store";

    /** The directives of a request with this {@code Cache-Control} header (may be null) and these form fields. */
    static CacheDirectives of(String cacheControl, FormFields form) {
        Set<String> header = cacheControl == null ? Set.of() : Arrays.stream(cacheControl.split(","))
                .map(directive -> directive.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Optional<JsonNode> fromForm = JsonFields.object(form, "cache");
        Optional<JsonNode> fromMetadata = JsonFields.object(form, "metadata").map(metadata -> metadata.get("cache"))
                .filter(JsonNode::isObject);
        return new CacheDirectives(
                header.contains(NO_CACHE) || asks(fromForm, NO_CACHE) || asks(fromMetadata, NO_CACHE),
                header.contains(NO_STORE) || asks(fromForm, NO_STORE) || asks(fromMetadata, NO_STORE));
    }

    private static boolean asks(Optional<JsonNode> directives, String name) {
        return directives.map(node -> node.path(name).asBoolean(false)).orElse(false);
    }
}
