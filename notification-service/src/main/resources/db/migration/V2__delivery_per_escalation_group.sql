-- An alert is sent once per (tenant, survey, recipient, channel, level) AND the escalations it is about: with SLA
-- re-escalation, two escalations of one survey can reach the same manager at the same level in separate alerts
-- (their deadlines differ), and the second must not be taken for a repeat of the first.
ALTER TABLE delivery ADD COLUMN escalation_ids varchar(2000) NOT NULL DEFAULT '';  -- sorted, comma-separated
ALTER TABLE delivery DROP CONSTRAINT delivery_once;
ALTER TABLE delivery ADD CONSTRAINT delivery_once
    UNIQUE (tenant, survey_id, recipient_email, channel, level, escalation_ids);
