-- recording-service: recordings, time-limited links to them and the audit of every link use.

CREATE TABLE recording (
    id           uuid PRIMARY KEY,
    tenant       varchar(100) NOT NULL,
    recording_id varchar(128) NOT NULL,
    storage_key  varchar(300) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   bigint       NOT NULL CHECK (size_bytes >= 0),
    sha256       char(64)     NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    -- recording ids are the tenant's own: two tenants may use the same one
    CONSTRAINT recording_tenant_recording_id_key UNIQUE (tenant, recording_id)
);

CREATE TABLE recording_link (
    id                  uuid PRIMARY KEY,
    token_hash          char(64)     NOT NULL,
    tenant              varchar(100) NOT NULL,
    -- names the recording, not its bytes: a link may exist before its recording is uploaded
    recording_id        varchar(128) NOT NULL,
    survey_id           varchar(128) NOT NULL,
    escalation_ids      text         NOT NULL,
    manager_id          varchar(200) NOT NULL,
    recipient_name      varchar(200),
    recipient_email     varchar(320),
    recipient_time_zone varchar(64),
    agent_id            varchar(200),
    agent_name          varchar(200),
    level               int          NOT NULL,
    event_id            uuid         NOT NULL,
    created_at          timestamptz  NOT NULL,
    expires_at          timestamptz  NOT NULL,
    revoked_at          timestamptz,
    CONSTRAINT recording_link_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX recording_link_tenant_recording ON recording_link (tenant, recording_id);
CREATE INDEX recording_link_tenant_survey ON recording_link (tenant, survey_id);

CREATE TABLE access_audit (
    id              uuid PRIMARY KEY,
    link_id         uuid         NOT NULL REFERENCES recording_link (id),
    tenant          varchar(100) NOT NULL,
    recording_id    varchar(128) NOT NULL,
    manager_id      varchar(200) NOT NULL,
    recipient_email varchar(320),
    at              timestamptz  NOT NULL,
    what            varchar(10)  NOT NULL,
    outcome         varchar(30)  NOT NULL,
    http_status     int          NOT NULL,
    requested_range varchar(200),
    remote_address  varchar(100),
    user_agent      varchar(300)
);
CREATE INDEX access_audit_link_at ON access_audit (link_id, at);
CREATE INDEX access_audit_tenant_at ON access_audit (tenant, at);
