-- Virtual keys, teams and the spend log. A key is kept only as the SHA-256 of its text (token_hash); spend totals
-- are raised in the same transaction that writes the rows they sum, so a retried batch never counts twice.

CREATE TABLE voxgate_teams (
    team_id               TEXT PRIMARY KEY,
    team_alias            TEXT,
    models                TEXT[]      NOT NULL DEFAULT '{}',
    max_budget            NUMERIC(20, 10),
    budget_duration       TEXT,
    budget_reset_at       TIMESTAMPTZ,
    spend                 NUMERIC(20, 10) NOT NULL DEFAULT 0,
    rpm_limit             INTEGER,
    tpm_limit             INTEGER,
    max_parallel_requests INTEGER,
    metadata              JSONB       NOT NULL DEFAULT '{}',
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

CREATE TABLE voxgate_keys (
    token_hash            CHAR(64) PRIMARY KEY,
    key_name              TEXT        NOT NULL,
    key_alias             TEXT UNIQUE,
    team_id               TEXT REFERENCES voxgate_teams (team_id) ON DELETE CASCADE,
    models                TEXT[]      NOT NULL DEFAULT '{}',
    max_budget            NUMERIC(20, 10),
    budget_duration       TEXT,
    budget_reset_at       TIMESTAMPTZ,
    spend                 NUMERIC(20, 10) NOT NULL DEFAULT 0,
    expires               TIMESTAMPTZ,
    rpm_limit             INTEGER,
    tpm_limit             INTEGER,
    max_parallel_requests INTEGER,
    metadata              JSONB       NOT NULL DEFAULT '{}',
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);

CREATE INDEX voxgate_keys_team ON voxgate_keys (team_id);

-- row_id is made with the row, so a retried batch is recognised; request_id is the caller's or ours, and a caller
-- may send one twice.
CREATE TABLE voxgate_spend_logs (
    row_id        UUID PRIMARY KEY,
    request_id    TEXT        NOT NULL,
    token_hash    CHAR(64),
    key_alias     TEXT,
    team_id       TEXT,
    model_group   TEXT,
    deployment    TEXT,
    audio_seconds DOUBLE PRECISION,
    spend         NUMERIC(20, 10) NOT NULL,
    status        INTEGER     NOT NULL,
    start_time    TIMESTAMPTZ NOT NULL,
    end_time      TIMESTAMPTZ NOT NULL
);

CREATE INDEX voxgate_spend_logs_request ON voxgate_spend_logs (request_id);
CREATE INDEX voxgate_spend_logs_time ON voxgate_spend_logs (start_time);
CREATE INDEX voxgate_spend_logs_key ON voxgate_spend_logs (token_hash, start_time);
CREATE INDEX voxgate_spend_logs_team ON voxgate_spend_logs (team_id, start_time);
