-- An admin of the escalation-engine revokes every link of an escalation: who did it is kept beside when.
ALTER TABLE recording_link ADD COLUMN revoked_by varchar(320);
ALTER TABLE recording_link
    ADD CONSTRAINT recording_link_revoked_by_whom CHECK (revoked_at IS NULL OR revoked_by IS NOT NULL);
-- The links naming one escalation, found without scanning the tenant's links (escalation_ids is a JSON array).
CREATE INDEX recording_link_escalation_ids ON recording_link USING gin ((escalation_ids::jsonb));

-- Uses of a token that names no link (mistyped, tampered, guessed) are audited too: there is no link, recording or
-- recipient to name, only when, what was asked for, the answer and from where.
ALTER TABLE access_audit ALTER COLUMN link_id DROP NOT NULL;
ALTER TABLE access_audit ALTER COLUMN tenant DROP NOT NULL;
ALTER TABLE access_audit ALTER COLUMN recording_id DROP NOT NULL;
ALTER TABLE access_audit ALTER COLUMN manager_id DROP NOT NULL;
ALTER TABLE access_audit
    ADD CONSTRAINT access_audit_names_its_link CHECK (
        (link_id IS NULL) = (outcome = 'UNKNOWN_LINK')
        AND (link_id IS NULL OR (tenant IS NOT NULL AND recording_id IS NOT NULL AND manager_id IS NOT NULL)));
