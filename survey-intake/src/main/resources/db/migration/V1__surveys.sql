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
