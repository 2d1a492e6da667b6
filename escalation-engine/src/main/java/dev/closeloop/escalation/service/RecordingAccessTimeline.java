package dev.closeloop.escalation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.TimelineKind;
import dev.closeloop.escalation.repository.TimelineRepository;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RecordingAccessed;
import dev.closeloop.platform.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Puts the uses of recording links on the timelines: who opened or played the recording of an escalation, and
 * who came too late (expired link) or with a withdrawn one. The recording-service announces a burst of use
 * once, so each event is one entry per escalation it names.
 */
@ApplicationScoped
public class RecordingAccessTimeline {

    private final ProcessedEvents processedEvents;
    private final NamedEscalations named;
    private final TimelineRepository timeline;

    public RecordingAccessTimeline(ProcessedEvents processedEvents, NamedEscalations named,
            TimelineRepository timeline) {
        this.processedEvents = processedEvents;
        this.named = named;
        this.timeline = timeline;
    }

    /**
     * Records the access on the timeline of each escalation of the event's tenant it names, once per event.
     *
     * @return how many timeline entries were added
     */
    @WithTransaction
    public Uni<Integer> record(EventEnvelope<RecordingAccessed> envelope) {
        RecordingAccessed access = envelope.payload();
        return processedEvents.markFirstProcessing(envelope.eventId(), EscalationService.CONSUMER).flatMap(first -> {
            if (!first) {
                Log.infof("Skipping eventId=%s surveyId=%s: already processed", envelope.eventId(), access.surveyId());
                return Uni.createFrom().item(0);
            }
            return named.of(envelope.tenant(), access.escalationIds(), RecordingAccessed.TYPE, envelope.eventId(),
                    access.surveyId()).flatMap(found -> {
                        if (found.isEmpty()) {
                            return Uni.createFrom().item(0);
                        }
                        List<TimelineEntry> entries = found.stream().map(e -> entry(e, envelope)).toList();
                        entries.forEach(entry -> Log.infof("%s escalationId=%s surveyId=%s eventId=%s: %s", entry.kind,
                                entry.escalationId, access.surveyId(), envelope.eventId(), entry.detail));
                        return timeline.record(entries).replaceWith(entries.size());
                    });
        });
    }

    private static TimelineEntry entry(Escalation escalation, EventEnvelope<RecordingAccessed> envelope) {
        RecordingAccessed access = envelope.payload();
        // the link was minted for this recipient alone: whoever used it did so as them
        String who = access.recipientEmail() != null ? access.recipientEmail() : access.managerId();
        TimelineEntry entry = new TimelineEntry();
        entry.escalationId = escalation.id;
        entry.tenant = escalation.tenant;
        entry.at = access.accessedAt() != null ? access.accessedAt() : envelope.occurredAt();
        entry.kind = TimelineKind.RECORDING_ACCESSED;
        entry.actor = who == null ? "unknown recipient" : who;
        entry.recipientEmail = access.recipientEmail();
        entry.level = access.level();
        entry.detail = detail(access.access(), entry.actor, access.level());
        entry.sourceEventId = envelope.eventId();
        return entry;
    }

    static String detail(String access, String who, int level) {
        // level 0: a link the console minted for the manager viewing the escalation, not one an alert carried
        String link = level == 0 ? "console link" : "level " + level + " link";
        if (RecordingAccessed.PLAYED.equals(access)) {
            return String.format("Recording played by %s (%s)", who, link);
        }
        if (RecordingAccessed.VIEWED.equals(access)) {
            return String.format("Recording page opened by %s (%s)", who, link);
        }
        if (RecordingAccessed.EXPIRED.equals(access)) {
            return String.format("Expired recording link used by %s (%s): refused", who, link);
        }
        if (RecordingAccessed.REVOKED.equals(access)) {
            return String.format("Revoked recording link used by %s (%s): refused", who, link);
        }
        // a newer recording-service may tell of uses this version does not know by name
        return String.format("Recording link used by %s (%s): %s", who, link, access);
    }
}
