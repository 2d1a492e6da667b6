package dev.closeloop.recording.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.AccessAudit;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AccessAuditRepository implements PanacheRepositoryBase<AccessAudit, UUID> {

    /** One kind of use a link saw: what was asked for and what was answered. */
    public record Use(AccessAudit.What what, AccessAudit.Outcome outcome) {
    }

    /** The distinct kinds of use the link saw after {@code since} (a few rows, however many requests). */
    public Uni<List<Use>> usesSince(UUID linkId, Instant since) {
        return getSession().flatMap(session -> session.createSelectionQuery(
                "select distinct a.what, a.outcome from AccessAudit a where a.linkId = :linkId and a.at > :since",
                Object[].class)
                .setParameter("linkId", linkId)
                .setParameter("since", since)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new Use((AccessAudit.What) row[0], (AccessAudit.Outcome) row[1]))
                        .toList());
    }
}
