package dev.closeloop.recording.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import dev.closeloop.events.Channels;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RecordingAccessed;
import dev.closeloop.platform.outbox.Outbox;
import dev.closeloop.recording.AccessAudit.Outcome;
import dev.closeloop.recording.AccessAudit.What;
import dev.closeloop.recording.RecordingLink;
import dev.closeloop.recording.config.LinksConfig;
import dev.closeloop.recording.repository.AccessAuditRepository;
import dev.closeloop.recording.repository.RecordingLinkRepository;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Tells the escalation-engine about uses of recording links ({@code recordings.accessed}), without flooding
 * its timeline: a player streams a call in many range requests, a page gets reloaded. A use is announced
 * unless the same link saw a use of the same kind within {@link LinksConfig#accessEventGap()} before it, so
 * one burst of use is one event, at its start. The audit, not this, keeps every request.
 */
@ApplicationScoped
public class AccessAnnouncements {

    private final RecordingLinkRepository links;
    private final AccessAuditRepository audit;
    private final Outbox outbox;
    private final LinksConfig config;

    public AccessAnnouncements(RecordingLinkRepository links, AccessAuditRepository audit, Outbox outbox,
            LinksConfig config) {
        this.links = links;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * What a use comes to on the timeline, or null for uses only the audit keeps: a range outside the
     * recording is a player's mistake, and asking for audio not uploaded yet follows a page view that is
     * announced already.
     */
    static String accessOf(What what, Outcome outcome) {
        switch (outcome) {
            case GRANTED:
                return what == What.PAGE ? RecordingAccessed.VIEWED : RecordingAccessed.PLAYED;
            case NOT_YET_AVAILABLE:
                return what == What.PAGE ? RecordingAccessed.VIEWED : null;
            case EXPIRED:
                return RecordingAccessed.EXPIRED;
            case REVOKED:
                return RecordingAccessed.REVOKED;
            default:
                return null;
        }
    }

    /**
     * Enqueues a {@link RecordingAccessed} for this use unless it is part of a burst already announced. Call
     * it inside the transaction that audits the use, before the use's own audit row is written.
     *
     * @return true when an event was enqueued; publish it once the transaction committed
     */
    public Uni<Boolean> announce(RecordingLink link, What what, Outcome outcome, Instant at) {
        String access = accessOf(what, outcome);
        if (access == null) {
            return Uni.createFrom().item(false);
        }
        // A player sends range requests in parallel: holding the link's row until commit makes its uses take
        // turns here, so the second one sees the first one's audit row instead of announcing itself too.
        return links.getSession().flatMap(session -> session.lock(link, LockMode.PESSIMISTIC_WRITE))
                .flatMap(locked -> audit.usesSince(link.id, at.minus(config.accessEventGap())))
                .flatMap(recent -> {
                    if (recent.stream().anyMatch(use -> access.equals(accessOf(use.what(), use.outcome())))) {
                        return Uni.createFrom().item(false);
                    }
                    EventEnvelope<RecordingAccessed> event = EventEnvelope.of(link.tenant, link.surveyId, at,
                            new RecordingAccessed(link.surveyId, link.escalationIds, link.managerId,
                                    link.recipientEmail, link.recordingId, access, link.level, at));
                    Log.infof("Recording %s announced eventId=%s surveyId=%s escalationIds=%s managerId=%s linkId=%s",
                            access, event.eventId(), link.surveyId, link.escalationIds, link.managerId, link.id);
                    return outbox.enqueue(Channels.RECORDINGS_ACCESSED, event).replaceWith(true);
                });
    }
}
