package dev.closeloop.recording.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.platform.inbox.ProcessedEvents;
import dev.closeloop.platform.outbox.Outbox;
import dev.closeloop.recording.RecordingIds;
import dev.closeloop.recording.RecordingLink;
import dev.closeloop.recording.config.LinksConfig;
import dev.closeloop.recording.service.LinkMinting.MintedLink;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Turns one {@code EscalationsRaised} into one {@code AlertReady} per recipient, each with a recording link
 * minted for that recipient alone. Links, the alerts to publish and the processed-event mark commit together,
 * so a redelivered event mints nothing and sends nothing twice.
 *
 * <p>The raw token exists only in the recipient's URL: inside the {@code AlertReady} written to the outbox
 * (until the relay publishes and deletes the row) and in the message itself. The link row keeps its hash.
 */
@ApplicationScoped
public class AlertPreparation {

    public static final String CONSUMER = "recording-service";

    private final ProcessedEvents processedEvents;
    private final LinkMinting minting;
    private final Outbox outbox;
    private final LinksConfig config;

    public AlertPreparation(ProcessedEvents processedEvents, LinkMinting minting, Outbox outbox,
            LinksConfig config) {
        this.processedEvents = processedEvents;
        this.minting = minting;
        this.outbox = outbox;
        this.config = config;
    }

    /** @return how many alerts were enqueued; 0 when the event had been processed before */
    @WithTransaction
    public Uni<Integer> prepare(EventEnvelope<EscalationsRaised> envelope) {
        return processedEvents.markFirstProcessing(envelope.eventId(), CONSUMER).flatMap(first -> {
            if (!first) {
                Log.infof("Already processed eventId=%s surveyId=%s: nothing to do", envelope.eventId(),
                        envelope.payload().survey().surveyId());
                return Uni.createFrom().item(0);
            }
            if (envelope.payload().recipients().isEmpty()) {
                Log.warnf("eventId=%s surveyId=%s names no recipient: no alert", envelope.eventId(),
                        envelope.payload().survey().surveyId());
            }
            Instant now = Instant.now();
            AtomicInteger enqueued = new AtomicInteger();
            // One after the other: a reactive session runs one statement at a time.
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Recipient recipient : envelope.payload().recipients()) {
                chain = chain.call(() -> alertFor(envelope, recipient, now).invoke(sent -> {
                    if (sent) {
                        enqueued.incrementAndGet();
                    }
                }));
            }
            return chain.map(ignored -> enqueued.get());
        });
    }

    private Uni<Boolean> alertFor(EventEnvelope<EscalationsRaised> envelope, Recipient recipient, Instant now) {
        EscalationsRaised event = envelope.payload();
        Survey survey = event.survey();
        List<RaisedEscalation> escalations = escalationsFor(recipient, event.escalations());
        if (escalations.isEmpty()) {
            Log.warnf("No escalation of eventId=%s surveyId=%s matches managerId=%s's escalationIds %s: no alert",
                    envelope.eventId(), survey.surveyId(), recipient.managerId(), recipient.escalationIds());
            return Uni.createFrom().item(false);
        }
        String recordingId = survey.call() == null ? null : survey.call().recordingId();
        Uni<MintedLink> minted;
        if (recordingId == null || recordingId.isBlank()) {
            minted = Uni.createFrom().item(MintedLink.NONE);
        } else if (!RecordingIds.isValid(recordingId)) {
            Log.warnf("surveyId=%s eventId=%s names recordingId that no upload can have: no link", survey.surveyId(),
                    envelope.eventId());
            minted = Uni.createFrom().item(MintedLink.NONE);
        } else {
            minted = mint(envelope, recipient, recordingId, escalations, now);
        }
        return minted.flatMap(link -> {
            AlertReady alert = new AlertReady(survey, escalations, recipient, event.level(), link.url(),
                    link.expiresAt());
            EventEnvelope<AlertReady> out = EventEnvelope.of(envelope.tenant(), survey.surveyId(), now, alert);
            Log.infof("Alert ready eventId=%s surveyId=%s escalationIds=%s managerId=%s linkId=%s", out.eventId(),
                    survey.surveyId(), ids(escalations), recipient.managerId(), link.id());
            return outbox.enqueue(Channels.ALERTS_READY, out).replaceWith(true);
        });
    }

    private Uni<MintedLink> mint(EventEnvelope<EscalationsRaised> envelope, Recipient recipient, String recordingId,
            List<RaisedEscalation> escalations, Instant now) {
        Survey survey = envelope.payload().survey();
        RecordingLink link = new RecordingLink();
        link.origin = RecordingLink.Origin.ALERT;
        link.tenant = envelope.tenant();
        link.recordingId = recordingId;
        link.surveyId = survey.surveyId();
        link.escalationIds = ids(escalations);
        link.managerId = recipient.managerId() != null ? clip(recipient.managerId(), 200)
                : clip(String.valueOf(recipient.email()), 200);
        link.recipientName = clip(recipient.name(), 200);
        link.recipientEmail = clip(recipient.email(), 320);
        link.recipientTimeZone = clip(recipient.timeZone(), 64);
        link.agentId = survey.agent() == null ? null : clip(survey.agent().id(), 200);
        link.agentName = survey.agent() == null ? null : clip(survey.agent().name(), 200);
        link.level = envelope.payload().level();
        link.eventId = envelope.eventId();
        link.createdAt = now;
        link.expiresAt = reaches(recipient, now).plus(config.effectiveTtl());
        return minting.mint(link);
    }

    /**
     * When the alert reaches the recipient: now, or when a held alert goes out in their digest. The link's time
     * counts from then, so a digest held over a long weekend does not arrive with a dead link. Never more than
     * {@link #LONGEST_HOLD} ahead, whatever a message says.
     */
    static Instant reaches(Recipient recipient, Instant now) {
        Instant reached = recipient.reachedAt(now);
        Instant latest = now.plus(LONGEST_HOLD);
        return reached.isAfter(latest) ? latest : reached;
    }

    /**
     * The escalations the recipient is to hear of. An empty {@code escalationIds} means the producer did not
     * narrow the list: the recipient hears of all of them.
     */
    static List<RaisedEscalation> escalationsFor(Recipient recipient, List<RaisedEscalation> all) {
        if (recipient.escalationIds().isEmpty()) {
            return all;
        }
        List<RaisedEscalation> mine = new ArrayList<>();
        for (RaisedEscalation escalation : all) {
            if (recipient.escalationIds().contains(escalation.escalationId())) {
                mine.add(escalation);
            }
        }
        return mine;
    }

    private static List<String> ids(List<RaisedEscalation> escalations) {
        List<String> ids = new ArrayList<>();
        escalations.forEach(escalation -> ids.add(escalation.escalationId()));
        return ids;
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** Longer than any working-hours gap (a fortnight's holiday closure and a weekend). */
    static final Duration LONGEST_HOLD = Duration.ofDays(17);
}
