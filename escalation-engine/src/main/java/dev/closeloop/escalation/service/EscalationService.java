package dev.closeloop.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.NotifiedContact;
import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.TimelineKind;
import dev.closeloop.escalation.actions.ActionLinks;
import dev.closeloop.escalation.directory.Route;
import dev.closeloop.escalation.directory.Routing;
import dev.closeloop.escalation.directory.TenantDirectory;
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
    private final DirectoryService directories;
    private final NamedEscalations namedEscalations;
    /** Each recipient's one-tap acknowledge links, put on every alert. */
    private final ActionLinks actionLinks;
    private final Clock clock;

    public EscalationService(ProcessedEvents processedEvents, EscalationRepository escalations,
            TimelineRepository timeline, Outbox outbox, DirectoryService directories, ActionLinks actionLinks,
            NamedEscalations namedEscalations, Clock clock) {
        this.processedEvents = processedEvents;
        this.escalations = escalations;
        this.timeline = timeline;
        this.outbox = outbox;
        this.directories = directories;
        this.actionLinks = actionLinks;
        this.namedEscalations = namedEscalations;
        this.clock = clock;
    }

    /**
     * In one transaction: records the event as processed, stores every escalation the survey calls
     * for that it does not have yet (with its route and its first deadline), their RAISED entries, and
     * one {@link EscalationsRaised} in the outbox naming only those. A redelivered event, or the same
     * survey under a new event id, raises nothing more and publishes nothing.
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
            return directories.current(envelope.tenant()).flatMap(directory -> {
                if (directory == null) {
                    // even a survey that raises nothing: a tenant without a directory is a configuration fault to see
                    throw new UnknownTenantException(envelope.tenant(), survey.surveyId());
                }
                List<Finding> findings = EscalationRules.evaluate(survey);
                if (findings.isEmpty()) {
                    Log.infof("surveyId=%s eventId=%s raised nothing", survey.surveyId(), envelope.eventId());
                    return Uni.createFrom().item(List.<RaisedEscalation>of());
                }
                return store(envelope, directory.directory(), findings);
            });
        });
    }

    private Uni<List<RaisedEscalation>> store(EventEnvelope<SurveySubmitted> envelope, TenantDirectory directory,
            List<Finding> findings) {
        Survey survey = envelope.payload().survey();
        Instant raisedAt = clock.instant();
        String surveyJson = JsonColumns.write(survey);

        Map<Escalation, RaisedEscalation> candidates = new LinkedHashMap<>();
        for (Finding finding : findings) {
            RaisedEscalation raised = new RaisedEscalation(UUID.randomUUID().toString(), finding.type(),
                    finding.reasons());
            Route route = Routing.route(directory, finding.type(), survey);
            Route.Level first = route.level(FIRST_LEVEL).orElseThrow();
            Escalation row = toRow(envelope, raised, raisedAt, surveyJson);
            row.route = route;
            row.level = FIRST_LEVEL;
            row.recipients = contacts(directory, first.managerIds());
            row.overdueAt = Routing.overdueAt(directory, route, first, raisedAt, survey).orElse(null);
            candidates.put(row, raised);
        }
        return Multi.createFrom().iterable(candidates.keySet())
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
                    return announce(envelope, directory, fresh, candidates);
                });
    }

    private Uni<List<RaisedEscalation>> announce(EventEnvelope<SurveySubmitted> envelope, TenantDirectory directory,
            List<Escalation> fresh, Map<Escalation, RaisedEscalation> candidates) {
        Survey survey = envelope.payload().survey();
        List<RaisedEscalation> raised = fresh.stream().map(candidates::get).toList();
        List<Routing.Told> told = fresh.stream().map(row -> new Routing.Told(row.id.toString(), row.route,
                row.recipients.stream().map(NotifiedContact::managerId).toList())).toList();
        List<Recipient> recipients = actionLinks.withAcknowledgeLinks(directory.id(),
                Routing.recipients(directory, told, clock.instant()));

        List<TimelineEntry> entries = new ArrayList<>();
        for (Escalation row : fresh) {
            TimelineEntry entry = raisedEntry(row, envelope.eventId());
            entry.detail += held(recipients, row.id.toString());
            entries.add(entry);
            Log.infof("Raised %s escalationId=%s surveyId=%s eventId=%s tenant=%s rule=%s for %s; next level %s",
                    row.type, row.id, row.surveyId, envelope.eventId(), row.tenant,
                    row.route.matchedNoRule() ? "(none: fallback)" : row.route.ruleId(),
                    row.recipients.stream().map(NotifiedContact::email).collect(Collectors.joining(", ")),
                    row.overdueAt == null ? "none" : "at " + row.overdueAt);
        }
        EventEnvelope<EscalationsRaised> out = EventEnvelope.of(envelope.tenant(), survey.surveyId(), clock.instant(),
                new EscalationsRaised(survey, raised, recipients, FIRST_LEVEL));
        return timeline.record(entries)
                .flatMap(ignored -> outbox.enqueue(Channels.ESCALATIONS_RAISED, out))
                .invoke(() -> Log.infof("Queued EscalationsRaised eventId=%s surveyId=%s with %d escalations for %d "
                        + "recipients", out.eventId(), survey.surveyId(), raised.size(), recipients.size()))
                .replaceWith(raised);
    }

    /** The directory's managers as the escalation records who was told; managers since removed are left out. */
    static List<NotifiedContact> contacts(TenantDirectory directory, List<String> managerIds) {
        return managerIds.stream().flatMap(id -> directory.manager(id).stream())
                .map(m -> new NotifiedContact(m.id(), m.name(), m.email(), m.timeZone())).toList();
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
            return namedEscalations.of(envelope.tenant(), delivery.escalationIds(), "AlertDelivered",
                    envelope.eventId(), delivery.surveyId()).flatMap(found -> {
                if (found.isEmpty()) {
                    return Uni.createFrom().item(0);
                }
                List<TimelineEntry> entries = found.stream().map(e -> deliveryEntry(e, envelope)).toList();
                entries.forEach(entry -> Log.infof("%s escalationId=%s surveyId=%s eventId=%s: %s", entry.kind,
                        entry.escalationId, delivery.surveyId(), envelope.eventId(), entry.detail));
                return timeline.record(entries).replaceWith(entries.size());
            });
        });
    }

    private static Escalation toRow(EventEnvelope<SurveySubmitted> envelope, RaisedEscalation raised,
            Instant raisedAt, String surveyJson) {
        Survey survey = envelope.payload().survey();
        Escalation row = new Escalation();
        row.id = UUID.fromString(raised.escalationId());
        row.tenant = envelope.tenant();
        row.surveyId = survey.surveyId();
        row.type = raised.type();
        row.status = EscalationStatus.OPEN;
        row.reasons = raised.reasons();
        row.raisedAt = raisedAt;
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
        entry.level = row.level;
        entry.detail = row.type.label() + ": " + String.join("; ", row.reasons) + ". "
                + (row.route.matchedNoRule() ? "No routing rule matched; told the fallback manager "
                        : "Routed by rule '" + row.route.ruleId() + "' to level " + row.level + ": ")
                + people(row.recipients) + "."
                + (row.overdueAt == null ? "" : " Level " + (row.level + 1) + " is alerted at "
                        + row.overdueAt.truncatedTo(ChronoUnit.SECONDS) + " unless someone acknowledges.");
        entry.sourceEventId = eventId;
        return entry;
    }

    /** " The alert to X waits for their working hours: 2026-12-07T09:00:00Z." for each recipient held. */
    static String held(List<Recipient> recipients, String escalationId) {
        return recipients.stream()
                .filter(r -> r.holdUntil() != null && r.escalationIds().contains(escalationId))
                .map(r -> " The alert to " + r.name() + " waits for their working hours: "
                        + r.holdUntil().truncatedTo(ChronoUnit.SECONDS) + ".")
                .collect(Collectors.joining());
    }

    static String people(List<NotifiedContact> contacts) {
        return contacts.stream().map(r -> r.name() + " <" + r.email() + ">").collect(Collectors.joining(", "));
    }

    /**
     * What the timeline says of a delivery report. A push is accepted by the browser's push service, not by the
     * manager's mailbox, and fails for good when no subscribed browser is left: say so rather than "after N
     * attempts" alone.
     */
    static String deliveryDetail(AlertDelivered delivery) {
        boolean sent = AlertDelivered.SENT.equals(delivery.status());
        if ("PUSH".equals(delivery.channel())) {
            return sent
                    ? String.format("PUSH alert (level %d) accepted by the push service for the browser(s) of %s",
                            delivery.level(), delivery.recipientEmail())
                    : String.format("PUSH alert (level %d) to the browser(s) of %s failed after %d attempts "
                            + "(no subscribed browser took it; the email is separate)", delivery.level(),
                            delivery.recipientEmail(), delivery.attempts());
        }
        return sent
                ? String.format("%s alert (level %d) accepted for %s", delivery.channel(), delivery.level(),
                        delivery.recipientEmail())
                : String.format("%s alert (level %d) to %s failed after %d attempts", delivery.channel(),
                        delivery.level(), delivery.recipientEmail(), delivery.attempts());
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
        entry.detail = deliveryDetail(delivery);
        entry.sourceEventId = envelope.eventId();
        return entry;
    }
}
