package dev.closeloop.escalation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.repository.EscalationRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * The escalations an event names, as far as they are the event's tenant's: what another service reports about
 * escalations lands only on those. Ids that are no escalation id, or not the tenant's, are logged and skipped.
 */
@ApplicationScoped
public class NamedEscalations {

    private final EscalationRepository escalations;

    public NamedEscalations(EscalationRepository escalations) {
        this.escalations = escalations;
    }

    /**
     * @param eventType for the log: which kind of event named them
     */
    public Uni<List<Escalation>> of(String tenant, List<String> escalationIds, String eventType, UUID eventId,
            String surveyId) {
        List<UUID> ids = new ArrayList<>();
        for (String id : escalationIds) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                Log.warnf("%s eventId=%s surveyId=%s names escalationId=%s, which is no escalation id; skipped",
                        eventType, eventId, surveyId, id);
            }
        }
        return escalations.findAllInTenant(tenant, ids).invoke(found -> {
            if (found.size() < ids.size()) {
                Log.warnf("%s eventId=%s surveyId=%s names %d escalations of tenant %s, %d exist", eventType, eventId,
                        surveyId, ids.size(), tenant, found.size());
            }
        });
    }
}
