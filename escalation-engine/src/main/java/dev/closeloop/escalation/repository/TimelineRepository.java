package dev.closeloop.escalation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimelineRepository implements PanacheRepository<TimelineEntry> {

    /** The escalation's timeline, oldest first. */
    public Uni<List<TimelineEntry>> of(UUID escalationId) {
        return list("escalationId", Sort.ascending("at", "id"), escalationId);
    }
}
