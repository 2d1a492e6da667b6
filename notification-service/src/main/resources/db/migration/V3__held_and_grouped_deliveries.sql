-- Digests and burst grouping. A row is still one alert to one recipient (its own NOTIFIED on every escalation's
-- timeline), but rows of a batch are sent together, as one email:
--   batch NULL      an email of its own, sent when due (at once, or after a failed attempt's back-off)
--   batch 'DIGEST'  held for the recipient's working hours (next_attempt_at = when they start); sent with every
--                   other DIGEST row of the recipient due by then
--   batch 'GROUP'   a further alert about an agent within a burst window; sent when the window closes with the
--                   recipient's other GROUP rows about that agent
-- The head of a burst window is an ordinary row sent at once that records when its window ends.
ALTER TABLE delivery ADD COLUMN batch varchar(10) CHECK (batch IN ('DIGEST', 'GROUP'));
ALTER TABLE delivery ADD COLUMN agent_id varchar(200);              -- survey.agent.id, what bursts are grouped by
ALTER TABLE delivery ADD COLUMN group_window_ends_at timestamptz;   -- on a window's head only

-- finds the open window of (tenant, recipient, channel, agent) at intake
CREATE INDEX delivery_group_window ON delivery (tenant, recipient_email, channel, agent_id, group_window_ends_at)
    WHERE group_window_ends_at IS NOT NULL;
-- finds the rest of a batch when the worker claims one of its rows
CREATE INDEX delivery_batch_due ON delivery (tenant, recipient_email, channel, batch, next_attempt_at)
    WHERE status = 'PENDING' AND batch IS NOT NULL;
