package dev.voxgate.keys;

import java.util.Objects;
import java.util.Optional;

/** A key found by its hash, with its team when it has one: everything a call with it is checked against. */
public record Access(VirtualKey key, Optional<Team> team) {

    public Access {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(team, "team");
    }

    /** Whether the key, and its team when it has one, may call {@code modelGroup}. */
    public boolean allows(String modelGroup) {
        return key.allowance().allows(modelGroup) && team.map(owner -> owner.allowance().allows(modelGroup))
                .orElse(true);
    }
}
