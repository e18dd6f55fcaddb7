package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.keys.Access;
import dev.voxgate.keys.DurationText;
import dev.voxgate.keys.KeyText;
import dev.voxgate.keys.Settings;
import dev.voxgate.keys.StoreUnavailable;
import dev.voxgate.keys.VirtualKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * LiteLLM's key routes: {@code POST /key/generate}, {@code GET /key/info}, {@code POST /key/update},
 * {@code POST /key/delete}, {@code GET /key/list}, for the master key; a virtual key may read its own
 * {@code /key/info}. Without a key database each answers 501 saying how to configure one.
 *
 * <p>Thread-safe.
 */
final class KeyRoutes {

    private static final Set<String> OPEN_TO_VIRTUAL_KEYS = Set.of("/v1/models", "/models", "/model/info",
            "/v1/model/info", "/key/info", "/spend/logs");

    private final Optional<ProxyKeys> keys;
    private final ObjectMapper json;
    private final KeyJson shapes;

    KeyRoutes(Optional<ProxyKeys> keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
        this.shapes = new KeyJson(json);
    }

    void register(RoutesConfig routes) {
        routes.post("/key/generate", ctx -> answer(ctx, generate(ctx)));
        routes.get("/key/info", ctx -> answer(ctx, info(ctx)));
        routes.post("/key/update", ctx -> answer(ctx, update(ctx)));
        routes.post("/key/delete", ctx -> answer(ctx, delete(ctx)));
        routes.get("/key/list", ctx -> answer(ctx, list(ctx)));
        new TeamRoutes(this, shapes, json).register(routes);
    }

    private ObjectNode generate(Context ctx) {
        ProxyKeys proxyKeys = master(ctx);
        JsonBody body = JsonBody.of(ctx);
        Settings settings = body.settings("key_alias");
        Instant now = proxyKeys.clock().instant();
        Optional<Instant> expires = body.duration("duration").map(text -> now.plus(DurationText.parse(text)));
        String text = body.text("key").orElseGet(KeyText::generate);
        if (!text.startsWith("sk-") || text.length() < 20) {
            throw RequestRejected.badRequest("key", "A key you choose must start with 'sk-' and be at least 20 "
                    + "characters long; leave 'key' out to have one made.");
        }
        VirtualKey key = store(() -> proxyKeys.store().createKey(KeyText.hash(text), KeyText.name(text), settings,
                expires, body.text("team_id"), now));
        proxyKeys.ring().forget(List.of(key.tokenHash()));
        return shapes.key(key).put("key", text);
    }

    private ObjectNode info(Context ctx) {
        ProxyKeys proxyKeys = configured();
        Optional<String> asked = Optional.ofNullable(ctx.queryParam("key")).filter(text -> !text.isBlank());
        String hash;
        if (Caller.of(ctx) instanceof Caller.Virtual virtual) {
            hash = virtual.access().key().tokenHash();
            if (asked.isPresent() && !hashOf(asked.get()).equals(hash)) {
                throw new RequestRejected(OpenAiError.status(403, "A virtual key may read only its own /key/info; "
                        + "leave out ?key= or use the master key."));
            }
        } else {
            master(ctx);
            hash = hashOf(asked.orElseThrow(() -> RequestRejected.badRequest("key", "Name the key: "
                    + "GET /key/info?key=sk-... (the key or its token hash).")));
        }
        Access access = store(() -> proxyKeys.store().find(hash)).orElseThrow(() -> noSuchKey());
        ObjectNode info = shapes.key(access.key()).put("spend", KeyJson.plain(proxyKeys.ring().spend(access,
                proxyKeys.clock().instant())));
        ObjectNode answer = json.createObjectNode().put("key", hash);
        answer.set("info", info);
        return answer;
    }

    private ObjectNode update(Context ctx) {
        ProxyKeys proxyKeys = master(ctx);
        JsonBody body = JsonBody.of(ctx);
        String hash = hashOf(body.text("key").orElseThrow(() -> RequestRejected.badRequest("key",
                "Name the key to change: {\"key\": \"sk-...\", ...}.")));
        Settings settings = body.settings("key_alias");
        Instant now = proxyKeys.clock().instant();
        Optional<Instant> expires = body.duration("duration").map(text -> now.plus(DurationText.parse(text)));
        VirtualKey key = store(() -> proxyKeys.store().updateKey(hash, settings, expires, body.text("team_id"), now))
                .orElseThrow(() -> noSuchKey());
        proxyKeys.ring().forget(List.of(hash));
        return shapes.key(key);
    }

    private ObjectNode delete(Context ctx) {
        ProxyKeys proxyKeys = master(ctx);
        JsonBody body = JsonBody.of(ctx);
        List<String> given = body.texts("keys").orElse(List.of());
        List<String> aliases = body.texts("key_aliases").orElse(List.of());
        if (given.isEmpty() && aliases.isEmpty()) {
            throw RequestRejected.badRequest("keys", "Name the keys to delete: {\"keys\": [\"sk-...\"]} or "
                    + "{\"key_aliases\": [\"...\"]}.");
        }
        List<String> deleted = store(() -> proxyKeys.store().deleteKeys(given.stream().map(KeyRoutes::hashOf)
                .toList(), aliases));
        proxyKeys.ring().forget(deleted);
        if (deleted.isEmpty()) {
            throw noSuchKey();
        }
        ObjectNode answer = json.createObjectNode();
        ArrayNode names = answer.putArray("deleted_keys");
        List<String> remaining = new ArrayList<>(deleted);
        given.stream().filter(key -> remaining.remove(hashOf(key))).forEach(names::add);
        remaining.forEach(names::add);
        return answer;
    }

    private ObjectNode list(Context ctx) {
        ProxyKeys proxyKeys = master(ctx);
        Optional<String> team = Optional.ofNullable(ctx.queryParam("team_id")).filter(text -> !text.isBlank());
        Optional<String> alias = Optional.ofNullable(ctx.queryParam("key_alias")).filter(text -> !text.isBlank());
        boolean full = "true".equalsIgnoreCase(ctx.queryParam("return_full_object"));
        int size = positive(ctx, "size", 100);
        int page = positive(ctx, "page", 1);
        List<VirtualKey> all = store(() -> proxyKeys.store().keys(team)).stream()
                .filter(key -> alias.isEmpty() || key.alias().equals(alias)).toList();
        ObjectNode answer = json.createObjectNode();
        ArrayNode listed = answer.putArray("keys");
        all.stream().skip((long) (page - 1) * size).limit(size)
                .forEach(key -> listed.add(full ? shapes.key(key) : json.getNodeFactory().textNode(key.tokenHash())));
        return answer.put("total_count", all.size()).put("current_page", page)
                .put("total_pages", (all.size() + size - 1) / size);
    }

    /**
     * Whether a virtual key may call {@code path}: the audio routes, the model list and model info (of its own groups),
     * its own info and spend.
     */
    static boolean openToVirtualKeys(String path) {
        return OPEN_TO_VIRTUAL_KEYS.contains(path) || !AccessLog.route(path).equals(path);
    }

    /** The 403 of a virtual key calling {@code path}, a route for the master key only. */
    static RequestRejected masterOnly(String path) {
        return new RequestRejected(OpenAiError.status(403, path + " needs the master key; a virtual key may call the "
                + "audio routes, /v1/models and /model/info (of its own groups), its own /key/info and its own "
                + "/spend/logs."));
    }

    /** The keys of a master-key request; refuses any other caller, and answers 501 without a database. */
    ProxyKeys master(Context ctx) {
        ProxyKeys proxyKeys = configured();
        switch (Caller.of(ctx)) {
            case Caller.Master master -> {
                return proxyKeys;
            }
            case Caller.Anyone anyone -> throw RequestRejected.badRequest(null, "Virtual keys need a master key: "
                    + "set general_settings.master_key (or LITELLM_MASTER_KEY) and call " + ctx.path()
                    + " with it.");
            case Caller.Virtual virtual -> throw masterOnly(ctx.path());
        }
    }

    ProxyKeys configured() {
        return keys.orElseThrow(() -> new RequestRejected(new OpenAiError(501, "Virtual keys, teams and spend "
                + "logs need a database: set general_settings.database_url (or DATABASE_URL) to "
                + "postgresql://user:password@host:5432/db.", "invalid_request_error", Optional.empty(),
                Optional.of("no_database"), Optional.empty())));
    }

    /** Runs a store call, answering 503 when the database is away. */
    static <T> T store(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreUnavailable e) {
            throw new RequestRejected(OpenAiError.status(503, "The key database does not answer; try again "
                    + "shortly. Calls with keys already in use keep working meanwhile."));
        } catch (IllegalArgumentException e) {
            throw RequestRejected.badRequest(null, e.getMessage());
        }
    }

    /** A key's token hash, from the key or the hash itself, as LiteLLM's routes take either. */
    static String hashOf(String keyOrHash) {
        return KeyText.isHash(keyOrHash) ? keyOrHash : KeyText.hash(keyOrHash);
    }

    static int positive(Context ctx, String name, int otherwise) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RequestRejected.badRequest(name, "'" + name + "' must be a whole number, 1 or more.");
    }

    private static RequestRejected noSuchKey() {
        return new RequestRejected(OpenAiError.notFound("There is no such key (it may have been deleted)."));
    }

    static void answer(Context ctx, Object body) {
        ctx.header("Cache-Control", "no-store").contentType("application/json").result(body.toString());
    }
}
