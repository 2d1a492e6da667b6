-- One row per alert to deliver: (tenant, survey, recipient, channel, level) is delivered once, whatever
-- is redelivered or re-published. The row keeps the AlertReady envelope it was created from, so the
-- worker can render the email (again, after a failure) without asking anyone.
CREATE TABLE delivery (
  id              uuid PRIMARY KEY,
  tenant          varchar(100)  NOT NULL,
  survey_id       varchar(128)  NOT NULL,
  recipient_email varchar(320)  NOT NULL,  -- lower-cased: the dedupe key, not the address mailed to
  channel         varchar(20)   NOT NULL,
  level           int           NOT NULL,
  manager_id      varchar(200),
  source_event_id uuid          NOT NULL,  -- the AlertReady that created the row
  alert           text          NOT NULL,  -- that AlertReady envelope as JSON
  status          varchar(20)   NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts        int           NOT NULL DEFAULT 0,
  next_attempt_at timestamptz   NOT NULL,
  claimed_until   timestamptz,             -- a worker owns the row until then (lease)
  claim_token     uuid,                    -- which claim owns it: a lapsed claim cannot complete the row
  last_error      varchar(1000),
  created_at      timestamptz   NOT NULL,
  sent_at         timestamptz,
  finished_at     timestamptz,
  CONSTRAINT delivery_once UNIQUE (tenant, survey_id, recipient_email, channel, level)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
