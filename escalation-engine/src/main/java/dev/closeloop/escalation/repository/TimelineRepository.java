package dev.closeloop.escalation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.feed.EscalationFeed;
import dev.closeloop.escalation.feed.FeedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEntry> {

    /**
     * Adds the entries and announces each on the live feed ({@code NOTIFY}, delivered when the transaction
     * commits, and not at all if it rolls back). Every change to an escalation goes through here.
     */
    public Uni<Void> record(List<TimelineEntry> entries) {
        Uni<Void> chain = persist(entries);
        for (TimelineEntry entry : entries) {
            String payload = EscalationFeed.payload(new FeedEvent(entry.tenant, entry.escalationId.toString(),
                    entry.kind.name(), entry.at));
            chain = chain.flatMap(ignored -> Panache.getSession().flatMap(session -> session
                    .createNativeQuery("SELECT count(*) FROM (SELECT pg_notify(:channel, :payload)) AS sent")
                    .setParameter("channel", EscalationFeed.CHANNEL)
                    .setParameter("payload", payload)
                    .getSingleResult()))
                    .replaceWithVoid();
        }
        return chain;
    }

    /** The escalation's timeline, oldest first. */
    public Uni<List<TimelineEntry>> of(UUID escalationId) {
        return list("escalationId", Sort.ascending("at", "id"), escalationId);
    }
}
