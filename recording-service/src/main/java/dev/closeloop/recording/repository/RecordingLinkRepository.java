package dev.closeloop.recording.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.RecordingLink;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RecordingLinkRepository implements PanacheRepositoryBase<RecordingLink, UUID> {

    public Uni<RecordingLink> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResult();
    }

    /**
     * Revokes the tenant's links that name the escalation and are not revoked yet, expired ones included (their
     * page then says revoked, which is what the admin meant).
     *
     * @return how many links this call revoked
     */
    public Uni<Integer> revokeNamingEscalation(String tenant, String escalationId, Instant at, String by) {
        // CAST(... AS jsonb) is the expression of the recording_link_escalation_ids index
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE recording_link SET revoked_at = :at, revoked_by = :by WHERE tenant = :tenant "
                        + "AND revoked_at IS NULL "
                        + "AND CAST(escalation_ids AS jsonb) @> jsonb_build_array(CAST(:escalationId AS text))")
                .setParameter("at", at)
                .setParameter("by", by)
                .setParameter("tenant", tenant)
                .setParameter("escalationId", escalationId)
                .executeUpdate());
    }
}
