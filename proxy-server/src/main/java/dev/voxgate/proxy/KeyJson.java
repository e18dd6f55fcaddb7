package dev.voxgate.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxgate.keys.Allowance;
import dev.voxgate.keys.Budget;
import dev.voxgate.keys.SpendRow;
import dev.voxgate.keys.Team;
import dev.voxgate.keys.VirtualKey;
import dev.voxgate.router.state.DeploymentLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Keys, teams and spend rows in LiteLLM's JSON shapes. A key is shown by its hash ({@code token}) and its
 * {@code key_name} ({@code sk-...abcd}), never by its text, except once in {@code /key/generate}'s answer.
 *
 * <p>Thread-safe.
 */
final class KeyJson {

    private final ObjectMapper json;

    KeyJson(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode key(VirtualKey key) {
        ObjectNode node = json.createObjectNode().put("token", key.tokenHash()).put("key_name", key.keyName());
        text(node, "key_alias", key.alias());
        text(node, "team_id", key.teamId());
        allowance(node, key.allowance());
        time(node, "expires", key.expires());
        metadata(node, key.metadataJson());
        return node.put("created_at", key.createdAt().toString());
    }

    ObjectNode team(Team team) {
        ObjectNode node = json.createObjectNode().put("team_id", team.teamId());
        text(node, "team_alias", team.alias());
        allowance(node, team.allowance());
        metadata(node, team.metadataJson());
        return node.put("created_at", team.createdAt().toString());
    }

    ObjectNode spendRow(SpendRow row) {
        ObjectNode node = json.createObjectNode().put("request_id", row.requestId());
        text(node, "api_key", row.hashPrefix());
        text(node, "key_alias", row.keyAlias());
        text(node, "team_id", row.teamId());
        text(node, "model_group", row.modelGroup());
        text(node, "model_id", row.deployment());
        if (row.audioSeconds().isPresent()) {
            node.put("audio_seconds", row.audioSeconds().getAsDouble());
        } else {
            node.putNull("audio_seconds");
        }
        node.put("spend", plain(row.spend())).put("status", row.status());
        return node.put("startTime", row.start().toString()).put("endTime", row.end().toString());
    }

    private static void allowance(ObjectNode node, Allowance allowance) {
        allowance.models().forEach(node.putArray("models")::add);
        Budget budget = allowance.budget();
        budget.max().ifPresentOrElse(max -> node.put("max_budget", plain(max)), () -> node.putNull("max_budget"));
        text(node, "budget_duration", budget.duration());
        time(node, "budget_reset_at", budget.resetAt());
        node.put("spend", plain(allowance.spend()));
        DeploymentLimits limits = allowance.limits();
        count(node, "rpm_limit", limits.rpm());
        count(node, "tpm_limit", limits.tpm());
        count(node, "max_parallel_requests", limits.maxParallelRequests());
    }

    private void metadata(ObjectNode node, String metadataJson) {
        try {
            node.set("metadata", json.readTree(metadataJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the key database holds metadata that is not JSON", e);
        }
    }

    // Dollars as JSON numbers without trailing zeros, so 0.0005 reads back as it was set.
    static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void text(ObjectNode node, String name, Optional<String> value) {
        value.ifPresentOrElse(text -> node.put(name, text), () -> node.putNull(name));
    }

    private static void count(ObjectNode node, String name, Optional<Integer> value) {
        value.ifPresentOrElse(number -> node.put(name, number), () -> node.putNull(name));
    }

    private static void time(ObjectNode node, String name, Optional<Instant> value) {
        value.ifPresentOrElse(instant -> node.put(name, instant.toString()), () -> node.putNull(name));
    }
}
