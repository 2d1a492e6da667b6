-- escalation-engine: the escalation lifecycle (acknowledge, contact, resolve, reassign).

-- version: bumped by every change through the API; the ETag clients send back in If-Match, so that a change
-- made on a stale copy is refused instead of overwriting someone else's.
ALTER TABLE escalation
    ADD COLUMN version               bigint       NOT NULL DEFAULT 0,
    ADD COLUMN outcome               varchar(32),
    ADD COLUMN acknowledged_at       timestamptz,
    ADD COLUMN acknowledged_by       varchar(320),
    ADD COLUMN customer_contacted_at timestamptz,
    ADD COLUMN resolved_at           timestamptz,
    ADD COLUMN resolved_by           varchar(320),
    ADD COLUMN assignee_id           varchar(100),
    ADD COLUMN assignee_name         text,
    ADD COLUMN assignee_email        varchar(320);

CREATE INDEX escalation_tenant_status ON escalation (tenant, status, raised_at DESC, id DESC);
