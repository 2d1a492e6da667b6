package dev.closeloop.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.NotifiedContact;
import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.TimelineKind;
import dev.closeloop.escalation.actions.ActionLinks;
import dev.closeloop.escalation.config.SlaConfig;
import dev.closeloop.escalation.directory.Route;
import dev.closeloop.escalation.directory.Routing;
import dev.closeloop.escalation.directory.SlaClock;
import dev.closeloop.escalation.directory.TenantDirectory;
import dev.closeloop.escalation.repository.EscalationRepository;
import dev.closeloop.escalation.repository.JsonColumns;
import dev.closeloop.escalation.repository.TimelineRepository;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.platform.outbox.Outbox;
import dev.closeloop.platform.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * SLA re-escalation: when a level's acknowledge-within time passes with the escalation still OPEN,
 * the next level is alerted through the same pipeline as the first alert (an
 * {@link EscalationsRaised} with the level number, so recording links and emails follow) and the
 * timeline says so.
 * <p>
 * The timer is the escalation row's {@code overdue_at}: nothing is held in memory, so a restart
 * loses nothing and a level that fell due during downtime fires at the first check after start —
 * late, never never. Replicas check concurrently; {@code FOR UPDATE SKIP LOCKED} gives each overdue
 * level to exactly one transaction, and acknowledging (which locks the row too) either comes first
 * and stops it, or waits until the level has been alerted.
 */
@ApplicationScoped
public class SlaTimers {

    private final EscalationRepository escalations;
    private final TimelineRepository timeline;
    private final DirectoryService directories;
    private final ActionLinks actionLinks;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final SlaConfig config;
    private final Clock clock;

    public SlaTimers(EscalationRepository escalations, TimelineRepository timeline, DirectoryService directories,
            ActionLinks actionLinks, Outbox outbox, OutboxRelay relay, SlaConfig config, Clock clock) {
        this.escalations = escalations;
        this.timeline = timeline;
        this.directories = directories;
        this.actionLinks = actionLinks;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${closeloop.sla.check-every:5s}", delay = 2, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return fireOverdue().onFailure().recoverWithItem(failure -> {
            Log.warnf("SLA check failed, the next check retries: %s", failure.toString());
            return 0;
        }).replaceWithVoid();
    }

    /**
     * Alerts the next level of every escalation overdue now, batch after batch.
     *
     * @return how many escalations were moved to their next level
     */
    public Uni<Integer> fireOverdue() {
        return fireBatch().flatMap(fired -> {
            if (fired > 0) {
                relay.publishSoon();
            }
            // a batch holds whole surveys, so it can hold more than the batch size
            return fired >= config.batchSize()
                    ? fireOverdue().map(more -> fired + more)
                    : Uni.createFrom().item(fired);
        });
    }

    /** One transaction: the row locks taken by lockOverdue hold until the next levels are queued. */
    Uni<Integer> fireBatch() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> escalations.lockOverdue(now, config.batchSize())
                .flatMap(overdue -> Multi.createFrom().iterable(overdue)
                        .onItem().transformToUniAndConcatenate(escalation -> step(escalation, now))
                        .collect().asList()
                        .flatMap(steps -> announce(steps, now).replaceWith(overdue.size()))));
    }

    /** What alerting an escalation's next level takes; null when it has none (its timer is cleared). */
    private record Step(Escalation escalation, Survey survey, TenantDirectory directory, Route.Level next,
            List<String> managerIds, TimelineEntry entry) {
    }

    private Uni<Step> step(Escalation escalation, Instant now) {
        return directories.current(escalation.tenant).flatMap(versioned -> {
            Route route = escalation.route;
            Route.Level current = route == null ? null : route.level(escalation.level).orElse(null);
            Route.Level next = current == null ? null : route.after(current).orElse(null);
            if (versioned == null || next == null) {
                Log.warnf("escalationId=%s is overdue at level %d but has no further level%s; timer cleared",
                        escalation.id, escalation.level, versioned == null ? " (tenant has no directory)" : "");
                return escalations.moveToLevel(escalation.id, escalation.level, null, escalation.recipients)
                        .replaceWith((Step) null);
            }
            TenantDirectory directory = versioned.directory();
            // managers removed from the directory since the escalation was raised are not alerted; if that leaves
            // nobody, the fallback manager is, as when no rule matches
            List<String> managerIds = next.managerIds().stream().anyMatch(id -> directory.manager(id).isPresent())
                    ? next.managerIds()
                    : List.of(directory.routing().fallback());
            List<NotifiedContact> told = EscalationService.contacts(directory, managerIds);
            Survey survey = JsonColumns.survey(escalation.survey);
            Instant overdueAt = Routing.overdueAt(directory, route, next, now, survey).orElse(null);
            List<NotifiedContact> everyone = new ArrayList<>(escalation.recipients);
            told.stream().filter(c -> everyone.stream().noneMatch(e -> e.managerId().equals(c.managerId())))
                    .forEach(everyone::add);

            TimelineEntry entry = new TimelineEntry();
            entry.escalationId = escalation.id;
            entry.tenant = escalation.tenant;
            entry.at = now;
            entry.kind = TimelineKind.ESCALATED;
            entry.actor = TimelineEntry.ENGINE;
            entry.level = next.number();
            entry.detail = String.format("Nobody acknowledged within %s (%s) at level %d; escalated to level %d: %s.%s",
                    current.acknowledgeWithin(), route.clock() == SlaClock.BUSINESS_HOURS ? "business hours"
                            : "wall clock",
                    current.number(), next.number(), EscalationService.people(told),
                    overdueAt == null ? "" : " Level " + (next.number() + 1) + " is alerted at "
                            + overdueAt.truncatedTo(ChronoUnit.SECONDS) + " unless someone acknowledges.");
            Log.infof("Escalating escalationId=%s surveyId=%s tenant=%s to level %d (%s); it was due at %s",
                    escalation.id, escalation.surveyId, escalation.tenant, next.number(),
                    told.stream().map(NotifiedContact::email).collect(Collectors.joining(", ")), escalation.overdueAt);
            return escalations.moveToLevel(escalation.id, next.number(), overdueAt, everyone)
                    .replaceWith(new Step(escalation, survey, directory, next, managerIds, entry));
        });
    }

    /**
     * One {@link EscalationsRaised} per survey and level: escalations of one survey that fall due together
     * (a poor score with negative feedback) reach each next-level manager as one alert, as they did at level 1.
     */
    private Uni<Void> announce(List<Step> steps, Instant now) {
        Map<String, List<Step>> groups = new LinkedHashMap<>();
        steps.stream().filter(step -> step != null).forEach(step -> groups.computeIfAbsent(
                step.escalation().tenant + " " + step.escalation().surveyId + " " + step.next().number(),
                key -> new ArrayList<>()).add(step));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<Step> group : groups.values()) {
            Step first = group.get(0);
            List<Routing.Told> told = group.stream().map(step -> new Routing.Told(step.escalation().id.toString(),
                    step.escalation().route, step.managerIds())).toList();
            List<Recipient> recipients = actionLinks.withAcknowledgeLinks(first.escalation().tenant,
                    Routing.recipients(first.directory(), told, now));
            List<RaisedEscalation> raised = group.stream().map(step -> new RaisedEscalation(
                    step.escalation().id.toString(), step.escalation().type, step.escalation().reasons)).toList();
            EventEnvelope<EscalationsRaised> out = EventEnvelope.of(first.escalation().tenant,
                    first.escalation().surveyId, now, new EscalationsRaised(first.survey(), raised,
                            recipients, first.next().number()));
            List<TimelineEntry> entries = group.stream().map(Step::entry).toList();
            entries.forEach(entry -> entry.sourceEventId = out.eventId());
            chain = chain.flatMap(ignored -> timeline.record(entries))
                    .flatMap(ignored -> outbox.enqueue(Channels.ESCALATIONS_RAISED, out))
                    .invoke(() -> Log.infof("Queued EscalationsRaised eventId=%s surveyId=%s level %d with %d "
                            + "escalations for %d recipients", out.eventId(), first.escalation().surveyId,
                            first.next().number(), raised.size(), recipients.size()));
        }
        return chain;
    }
}
