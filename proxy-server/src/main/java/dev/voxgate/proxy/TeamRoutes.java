package dev.voxgate.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.keys.Settings;
import dev.voxgate.keys.SpendQuery;
import dev.voxgate.keys.Team;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * LiteLLM's team routes ({@code POST /team/new}, {@code GET /team/info}, {@code GET /team/list},
 * {@code POST /team/update}, {@code POST /team/delete}) and {@code GET /spend/logs}, which a virtual key may call for
 * its own rows.
 *
 * <p>Thread-safe.
 */
final class TeamRoutes {

    private static final int DEFAULT_ROWS = 1_000;

    private final KeyRoutes keys;
    private final KeyJson shapes;
    private final ObjectMapper json;

    TeamRoutes(KeyRoutes keys, KeyJson shapes, ObjectMapper json) {
        this.keys = keys;
        this.shapes = shapes;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.post("/team/new", ctx -> KeyRoutes.answer(ctx, create(ctx)));
        routes.get("/team/info", ctx -> KeyRoutes.answer(ctx, info(ctx)));
        routes.get("/team/list", ctx -> KeyRoutes.answer(ctx, list(ctx)));
        routes.post("/team/update", ctx -> KeyRoutes.answer(ctx, update(ctx)));
        routes.post("/team/delete", ctx -> KeyRoutes.answer(ctx, delete(ctx)));
        routes.get("/spend/logs", ctx -> KeyRoutes.answer(ctx, spendLogs(ctx)));
    }

    private ObjectNode create(Context ctx) {
        ProxyKeys proxyKeys = keys.master(ctx);
        JsonBody body = JsonBody.of(ctx);
        Settings settings = body.settings("team_alias");
        String teamId = body.text("team_id").orElseGet(() -> UUID.randomUUID().toString());
        return shapes.team(KeyRoutes.store(() -> proxyKeys.store().createTeam(teamId, settings,
                proxyKeys.clock().instant())));
    }

    private ObjectNode info(Context ctx) {
        ProxyKeys proxyKeys = keys.master(ctx);
        String teamId = Optional.ofNullable(ctx.queryParam("team_id")).filter(text -> !text.isBlank())
                .orElseThrow(() -> RequestRejected.badRequest("team_id", "Name the team: GET /team/info?team_id=..."));
        Team team = KeyRoutes.store(() -> proxyKeys.store().team(teamId)).orElseThrow(() -> noSuchTeam(teamId));
        ObjectNode answer = json.createObjectNode().put("team_id", teamId);
        answer.set("team_info", shapes.team(team));
        ArrayNode members = answer.putArray("keys");
        KeyRoutes.store(() -> proxyKeys.store().keys(Optional.of(teamId))).forEach(key -> members.add(shapes.key(key)));
        return answer;
    }

    private ArrayNode list(Context ctx) {
        ProxyKeys proxyKeys = keys.master(ctx);
        ArrayNode teams = json.createArrayNode();
        KeyRoutes.store(() -> proxyKeys.store().teams()).forEach(team -> teams.add(shapes.team(team)));
        return teams;
    }

    private ObjectNode update(Context ctx) {
        ProxyKeys proxyKeys = keys.master(ctx);
        JsonBody body = JsonBody.of(ctx);
        String teamId = body.text("team_id").orElseThrow(() -> RequestRejected.badRequest("team_id",
                "Name the team to change: {\"team_id\": \"...\", ...}."));
        Team team = KeyRoutes.store(() -> proxyKeys.store().updateTeam(teamId, body.settings("team_alias"),
                proxyKeys.clock().instant())).orElseThrow(() -> noSuchTeam(teamId));
        proxyKeys.ring().forgetTeam(teamId);
        return shapes.team(team);
    }

    private ObjectNode delete(Context ctx) {
        ProxyKeys proxyKeys = keys.master(ctx);
        List<String> teamIds = JsonBody.of(ctx).texts("team_ids").filter(ids -> !ids.isEmpty()).orElseThrow(() ->
                RequestRejected.badRequest("team_ids", "Name the teams to delete: {\"team_ids\": [\"...\"]}."));
        List<String> deletedKeys = KeyRoutes.store(() -> proxyKeys.store().deleteTeams(teamIds));
        proxyKeys.ring().forget(deletedKeys);
        teamIds.forEach(proxyKeys.ring()::forgetTeam);
        ObjectNode answer = json.createObjectNode();
        teamIds.forEach(answer.putArray("deleted_teams")::add);
        return answer.put("deleted_keys", deletedKeys.size());
    }

    private ArrayNode spendLogs(Context ctx) {
        ProxyKeys proxyKeys = keys.configured();
        Optional<String> key = query(ctx, "api_key").map(KeyRoutes::hashOf);
        if (Caller.of(ctx) instanceof Caller.Virtual virtual) {
            String own = virtual.access().key().tokenHash();
            if (key.isPresent() && !key.get().equals(own)) {
                throw new RequestRejected(OpenAiError.status(403, "A virtual key may read only its own spend logs; "
                        + "leave out api_key or use the master key."));
            }
            key = Optional.of(own);
        } else {
            keys.master(ctx);
        }
        SpendQuery query = new SpendQuery(key, query(ctx, "team_id"), query(ctx, "model_group")
                .or(() -> query(ctx, "model")), query(ctx, "request_id"), time(ctx, "start_date", false),
                time(ctx, "end_date", true), Math.min(SpendQuery.MAX_LIMIT, KeyRoutes.positive(ctx, "limit",
                        DEFAULT_ROWS)));
        ArrayNode rows = json.createArrayNode();
        KeyRoutes.store(() -> proxyKeys.store().spendLogs(query)).forEach(row -> rows.add(shapes.spendRow(row)));
        return rows;
    }

    private static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(text -> !text.isEmpty());
    }

    // A day (2026-12-07) or an instant (2026-12-07T10:00:00Z); an end day includes the whole day, as LiteLLM's does.
    private static Optional<Instant> time(Context ctx, String name, boolean end) {
        return query(ctx, name).map(text -> {
            try {
                return text.length() == 10 ? LocalDate.parse(text).plusDays(end ? 1 : 0).atStartOfDay()
                        .toInstant(ZoneOffset.UTC) : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw RequestRejected.badRequest(name, "'" + name + "' must be a day such as 2026-12-07 or an "
                        + "instant such as 2026-12-07T10:00:00Z.");
            }
        });
    }

    private static RequestRejected noSuchTeam(String teamId) {
        return new RequestRejected(OpenAiError.notFound("There is no team '" + teamId + "'."));
    }
}
