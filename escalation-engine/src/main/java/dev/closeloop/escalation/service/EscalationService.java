package dev.closeloop.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.NotifiedContact;
import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.TimelineKind;
import dev.closeloop.escalation.actions.ActionLinks;
import dev.closeloop.escalation.directory.Directory;
import dev.closeloop.escalation.directory.Routing;
import dev.closeloop.escalation.directory.Tenant;
import dev.closeloop.escalation.repository.EscalationRepository;
import dev.closeloop.escalation.repository.JsonColumns;
import dev.closeloop.escalation.repository.TimelineRepository;
import dev.closeloop.escalation.rules.EscalationRules;
import dev.closeloop.escalation.rules.Finding;
import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.events.SurveySubmitted;
import dev.closeloop.platform.inbox.ProcessedEvents;
import dev.closeloop.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Turns submitted surveys into escalations, and delivery reports into timeline entries. */
@ApplicationScoped
public class EscalationService {

    /** This service's name in processed_event. */
    public static final String CONSUMER = "escalation-engine";
    /** Level of the first alert about an escalation. */
    public static final int FIRST_LEVEL = 1;

    private final ProcessedEvents processedEvents;
    private final EscalationRepository escalations;
    private final TimelineRepository timeline;
    private final Outbox outbox;
    private final Directory directory;
    private final Clock clock;
    @Inject ActionLinks actionLinks; // a field, so the constructor stays as it is

    public EscalationService(ProcessedEvents processedEvents, EscalationRepository escalations,
            TimelineRepository timeline, Outbox outbox, Directory directory, Clock clock) {
        this.processedEvents = processedEvents;
        this.escalations = escalations;
        this.timeline = timeline;
        this.outbox = outbox;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * In one transaction: records the event as processed, stores every escalation the survey calls
     * for that it does not have yet, their RAISED entries, and one {@link EscalationsRaised} in the
     * outbox naming only those. A redelivered event, or the same survey under a new event id, raises
     * nothing more and publishes nothing.
     *
     * @return the escalations newly raised (empty when there were none)
     */
    @WithTransaction
    public Uni<List<RaisedEscalation>> raise(EventEnvelope<SurveySubmitted> envelope) {
        Survey survey = envelope.payload().survey();
        return processedEvents.markFirstProcessing(envelope.eventId(), CONSUMER).flatMap(first -> {
            if (!first) {
                Log.infof("Skipping eventId=%s surveyId=%s: already processed", envelope.eventId(), survey.surveyId());
                return Uni.createFrom().item(List.<RaisedEscalation>of());
            }
            Tenant tenant = directory.tenant(envelope.tenant())
                    .orElseThrow(() -> new UnknownTenantException(envelope.tenant(), survey.surveyId()));
            List<Finding> findings = EscalationRules.evaluate(survey);
            if (findings.isEmpty()) {
                Log.infof("surveyId=%s eventId=%s raised nothing", survey.surveyId(), envelope.eventId());
                return Uni.createFrom().item(List.<RaisedEscalation>of());
            }
            return store(envelope, tenant, findings);
        });
    }

    private Uni<List<RaisedEscalation>> store(EventEnvelope<SurveySubmitted> envelope, Tenant tenant,
            List<Finding> findings) {
        Survey survey = envelope.payload().survey();
        String team = survey.agent() == null ? null : survey.agent().team();
        Instant raisedAt = clock.instant();
        String surveyJson = JsonColumns.write(survey);

        List<RaisedEscalation> candidates = findings.stream()
                .map(f -> new RaisedEscalation(UUID.randomUUID().toString(), f.type(), f.reasons())).toList();
        // who hears of an escalation depends on its type alone, so routing every candidate is the same as
        // routing only those that turn out to be new
        List<Recipient> routed = Routing.route(tenant, team, candidates);

        List<Escalation> rows = candidates.stream()
                .map(c -> toRow(envelope, c, Routing.toldAbout(routed, c.escalationId()), raisedAt, surveyJson))
                .toList();
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> escalations.insertIfNew(row)
                        .map(inserted -> inserted ? row : null))
                .collect().asList()
                .flatMap(inserted -> {
                    List<Escalation> fresh = inserted.stream().filter(row -> row != null).toList();
                    if (fresh.isEmpty()) {
                        Log.infof("surveyId=%s eventId=%s: every escalation it calls for exists already",
                                survey.surveyId(), envelope.eventId());
                        return Uni.createFrom().item(List.<RaisedEscalation>of());
                    }
                    return announce(envelope, tenant, team, candidates, fresh);
                });
    }

    private Uni<List<RaisedEscalation>> announce(EventEnvelope<SurveySubmitted> envelope, Tenant tenant,
            String team, List<RaisedEscalation> candidates, List<Escalation> fresh) {
        Survey survey = envelope.payload().survey();
        Map<String, RaisedEscalation> byId = candidates.stream()
                .collect(Collectors.toMap(RaisedEscalation::escalationId, Function.identity()));
        List<RaisedEscalation> raised = fresh.stream().map(row -> byId.get(row.id.toString())).toList();
        List<Recipient> recipients = actionLinks.withAcknowledgeLinks(tenant.id(), Routing.route(tenant, team, raised));

        List<TimelineEntry> entries = new ArrayList<>();
        for (Escalation row : fresh) {
            entries.add(raisedEntry(row, envelope.eventId()));
            Log.infof("Raised %s escalationId=%s surveyId=%s eventId=%s tenant=%s for %s", row.type, row.id,
                    row.surveyId, envelope.eventId(), row.tenant,
                    row.recipients.stream().map(NotifiedContact::email).collect(Collectors.joining(", ")));
        }
        EventEnvelope<EscalationsRaised> out = EventEnvelope.of(envelope.tenant(), survey.surveyId(), clock.instant(),
                new EscalationsRaised(survey, raised, recipients, FIRST_LEVEL));
        return timeline.persist(entries)
                .flatMap(ignored -> outbox.enqueue(Channels.ESCALATIONS_RAISED, out))
                .invoke(() -> Log.infof("Queued EscalationsRaised eventId=%s surveyId=%s with %d escalations for %d "
                        + "recipients", out.eventId(), survey.surveyId(), raised.size(), recipients.size()))
                .replaceWith(raised);
    }

    /**
     * Records a delivery report on the timeline of each escalation it names, once per event. Ids
     * that are not escalations of the event's tenant are logged and skipped.
     *
     * @return how many timeline entries were added
     */
    @WithTransaction
    public Uni<Integer> recordDelivery(EventEnvelope<AlertDelivered> envelope) {
        AlertDelivered delivery = envelope.payload();
        return processedEvents.markFirstProcessing(envelope.eventId(), CONSUMER).flatMap(first -> {
            if (!first) {
                Log.infof("Skipping eventId=%s surveyId=%s: already processed", envelope.eventId(),
                        delivery.surveyId());
                return Uni.createFrom().item(0);
            }
            List<UUID> ids = new ArrayList<>();
            for (String id : delivery.escalationIds()) {
                try {
                    ids.add(UUID.fromString(id));
                } catch (IllegalArgumentException e) {
                    Log.warnf("AlertDelivered eventId=%s surveyId=%s names escalationId=%s, which is no escalation "
                            + "id; skipped", envelope.eventId(), delivery.surveyId(), id);
                }
            }
            return escalations.findAllInTenant(envelope.tenant(), ids).flatMap(found -> {
                if (found.size() < ids.size()) {
                    Log.warnf("AlertDelivered eventId=%s surveyId=%s names %d escalations of tenant %s, %d exist",
                            envelope.eventId(), delivery.surveyId(), ids.size(), envelope.tenant(), found.size());
                }
                if (found.isEmpty()) {
                    return Uni.createFrom().item(0);
                }
                List<TimelineEntry> entries = found.stream().map(e -> deliveryEntry(e, envelope)).toList();
                entries.forEach(entry -> Log.infof("%s escalationId=%s surveyId=%s eventId=%s: %s", entry.kind,
                        entry.escalationId, delivery.surveyId(), envelope.eventId(), entry.detail));
                return timeline.persist(entries).replaceWith(entries.size());
            });
        });
    }

    private static Escalation toRow(EventEnvelope<SurveySubmitted> envelope, RaisedEscalation raised,
            List<Recipient> recipients, Instant raisedAt, String surveyJson) {
        Survey survey = envelope.payload().survey();
        Escalation row = new Escalation();
        row.id = UUID.fromString(raised.escalationId());
        row.tenant = envelope.tenant();
        row.surveyId = survey.surveyId();
        row.type = raised.type();
        row.status = EscalationStatus.OPEN;
        row.reasons = raised.reasons();
        row.raisedAt = raisedAt;
        row.recipients = recipients.stream()
                .map(r -> new NotifiedContact(r.managerId(), r.name(), r.email(), r.timeZone())).toList();
        if (survey.agent() != null) {
            row.agentId = survey.agent().id();
            row.agentName = survey.agent().name();
            row.team = survey.agent().team();
            row.site = survey.agent().site();
        }
        row.customerName = survey.customer() == null ? null : survey.customer().name();
        row.survey = surveyJson;
        row.sourceEventId = envelope.eventId();
        return row;
    }

    private static TimelineEntry raisedEntry(Escalation row, UUID eventId) {
        TimelineEntry entry = new TimelineEntry();
        entry.escalationId = row.id;
        entry.tenant = row.tenant;
        entry.at = row.raisedAt;
        entry.kind = TimelineKind.RAISED;
        entry.actor = TimelineEntry.ENGINE;
        entry.detail = row.type.label() + ": " + String.join("; ", row.reasons) + ". Routed to "
                + row.recipients.stream().map(r -> r.name() + " <" + r.email() + ">").collect(Collectors.joining(", "))
                + ".";
        entry.sourceEventId = eventId;
        return entry;
    }

    private static TimelineEntry deliveryEntry(Escalation escalation, EventEnvelope<AlertDelivered> envelope) {
        AlertDelivered delivery = envelope.payload();
        boolean sent = AlertDelivered.SENT.equals(delivery.status());
        TimelineEntry entry = new TimelineEntry();
        entry.escalationId = escalation.id;
        entry.tenant = escalation.tenant;
        entry.at = delivery.deliveredAt() != null ? delivery.deliveredAt() : envelope.occurredAt();
        entry.kind = sent ? TimelineKind.NOTIFIED : TimelineKind.NOTIFICATION_FAILED;
        entry.actor = TimelineEntry.NOTIFIER;
        entry.channel = delivery.channel();
        entry.recipientEmail = delivery.recipientEmail();
        entry.level = delivery.level();
        entry.detail = sent
                ? String.format("%s alert (level %d) accepted for %s", delivery.channel(), delivery.level(),
                        delivery.recipientEmail())
                : String.format("%s alert (level %d) to %s failed after %d attempts", delivery.channel(),
                        delivery.level(), delivery.recipientEmail(), delivery.attempts());
        entry.sourceEventId = envelope.eventId();
        return entry;
    }
}
