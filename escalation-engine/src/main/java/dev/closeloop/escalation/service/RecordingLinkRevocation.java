package dev.closeloop.escalation.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.TimelineKind;
import dev.closeloop.escalation.recordings.RecordingLinks;
import dev.closeloop.escalation.repository.EscalationRepository;
import dev.closeloop.escalation.repository.TimelineRepository;
import dev.closeloop.escalation.service.EscalationLifecycleService.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * An admin withdraws every recording link of an escalation: the recording-service revokes them, then the timeline
 * says who did it and how many. The remote call runs outside any transaction (no database connection waits on
 * it), and the entry is written only once the recording-service has answered: a failed revoke records nothing.
 */
@ApplicationScoped
public class RecordingLinkRevocation {

    private final EscalationRepository escalations;
    private final TimelineRepository timeline;
    private final RecordingLinks links;
    private final Clock clock;

    public RecordingLinkRevocation(EscalationRepository escalations, TimelineRepository timeline,
            RecordingLinks links, Clock clock) {
        this.escalations = escalations;
        this.timeline = timeline;
        this.links = links;
        this.clock = clock;
    }

    /**
     * @return how many links the recording-service revoked, or null when the caller's tenant has no such escalation
     * @throws RecordingLinks.RecordingServiceUnavailableException (in the {@code Uni}) when the recording-service
     *                                                             did not revoke them
     */
    public Uni<Integer> revokeAll(Caller admin, UUID escalationId) {
        return Panache.withSession(() -> escalations.findInTenant(admin.tenant(), escalationId))
                .flatMap(escalation -> {
                    if (escalation == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return links.revokeForEscalation(admin.tenant(), escalationId.toString(), admin.username())
                            .flatMap(revoked -> Panache.withTransaction(() -> {
                                TimelineEntry entry = new TimelineEntry();
                                entry.escalationId = escalation.id;
                                entry.tenant = escalation.tenant;
                                entry.at = clock.instant();
                                entry.kind = TimelineKind.RECORDING_LINKS_REVOKED;
                                entry.actor = admin.username();
                                entry.detail = revoked == 1 ? "1 recording link revoked"
                                        : revoked + " recording links revoked";
                                return timeline.record(List.of(entry));
                            }).invoke(() -> Log.infof("%s escalationId=%s surveyId=%s by %s: %d",
                                    TimelineKind.RECORDING_LINKS_REVOKED, escalationId, escalation.surveyId,
                                    admin.username(), revoked))
                                    .replaceWith(revoked));
                });
    }
}
