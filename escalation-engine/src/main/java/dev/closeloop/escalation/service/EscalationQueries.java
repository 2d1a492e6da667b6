package dev.closeloop.escalation.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.repository.EscalationRepository;
import dev.closeloop.escalation.repository.TimelineRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reads escalations for the API, always within one tenant. */
@ApplicationScoped
public class EscalationQueries {

    public record Detail(Escalation escalation, List<TimelineEntry> timeline) {
    }

    private final EscalationRepository escalations;
    private final TimelineRepository timeline;

    public EscalationQueries(EscalationRepository escalations, TimelineRepository timeline) {
        this.escalations = escalations;
        this.timeline = timeline;
    }

    @WithSession
    public Uni<EscalationRepository.Found> list(String tenant, EscalationRepository.Filter filter, int page,
            int size) {
        return escalations.search(tenant, filter, page, size);
    }

    /** The escalation with its timeline, or null when the tenant has no escalation with this id. */
    @WithSession
    public Uni<Detail> detail(String tenant, UUID id) {
        return escalations.findInTenant(tenant, id).flatMap(escalation -> escalation == null
                ? Uni.createFrom().nullItem()
                : timeline.of(escalation.id).map(entries -> new Detail(escalation, entries)));
    }
}
