-- escalation-engine: escalation levels and their acknowledge deadlines (SLA timers).

-- route: the rule that matched and the managers of each level, fixed when the escalation was raised.
-- level: the level alerted last. overdue_at: when that level's acknowledge-within time runs out and the next
-- level is alerted; null when there is no next level or someone acknowledged. The timer lives in this row, so it
-- survives restarts, and replicas share it through SELECT ... FOR UPDATE SKIP LOCKED.
ALTER TABLE escalation
    ADD COLUMN route      text,
    ADD COLUMN level      int NOT NULL DEFAULT 1,
    ADD COLUMN overdue_at timestamptz;

CREATE INDEX escalation_overdue ON escalation (overdue_at) WHERE overdue_at IS NOT NULL;
