-- Surveys as received, one per (tenant, surveyId): the surveyId is the telephony platform's idempotency key.
-- content is the canonical JSON of the validated survey and content_hash its SHA-256, so a replay is
-- recognised by content, not by the bytes the caller happened to send.
CREATE TABLE survey (
    id           uuid PRIMARY KEY,
    tenant       varchar(100) NOT NULL,
    survey_id    varchar(128) NOT NULL,
    content_hash varchar(64)  NOT NULL,
    content      text         NOT NULL,
    completed_at timestamptz  NOT NULL,
    received_at  timestamptz  NOT NULL,
    event_id     uuid         NOT NULL,
    CONSTRAINT survey_tenant_survey_id UNIQUE (tenant, survey_id)
);

-- The platform outbox (dev.closeloop.platform.outbox): SurveySubmitted events still to publish.
CREATE TABLE outbox (
    event_id      uuid PRIMARY KEY,
    address       varchar(200)  NOT NULL,
    tenant        varchar(100)  NOT NULL,
    aggregate_id  varchar(200)  NOT NULL,
    payload       text          NOT NULL,
    created_at    timestamptz   NOT NULL,
    claimed_until timestamptz,
    attempts      int           NOT NULL DEFAULT 0,
    last_error    varchar(1000)
);
CREATE INDEX outbox_created_at ON outbox (created_at);
