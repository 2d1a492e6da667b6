-- Links minted for a manager looking at an escalation in the console, beside those minted for alert recipients.
-- A console link answers no escalations.raised event, hence no event_id; its level is 0.
ALTER TABLE recording_link
    ADD COLUMN origin varchar(10) NOT NULL DEFAULT 'ALERT'
        CONSTRAINT recording_link_origin_check CHECK (origin IN ('ALERT', 'CONSOLE'));
ALTER TABLE recording_link ALTER COLUMN event_id DROP NOT NULL;
ALTER TABLE recording_link
    ADD CONSTRAINT recording_link_alert_has_event CHECK (origin <> 'ALERT' OR event_id IS NOT NULL);
