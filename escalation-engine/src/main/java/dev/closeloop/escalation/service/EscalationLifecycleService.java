package dev.closeloop.escalation.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.TimelineKind;
import dev.closeloop.escalation.directory.Manager;
import dev.closeloop.escalation.lifecycle.Lifecycle;
import dev.closeloop.escalation.lifecycle.Transition;
import dev.closeloop.escalation.repository.EscalationRepository;
import dev.closeloop.escalation.repository.TimelineRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * What managers do to an escalation: acknowledge, record the customer contact, resolve, add notes,
 * reassign. Each change is one transaction: a conditional update on the version the caller read,
 * and its timeline entries. Every answer is the escalation as it is afterwards, or null when the
 * caller's tenant has no escalation with the id.
 */
@ApplicationScoped
public class EscalationLifecycleService {

    /** Who is asking: the tenant scopes every read and write, the username is the timeline's actor. */
    public record Caller(String tenant, String username) {
    }

    /** What a change writes: the columns to set (besides the version) and the entries to add. */
    private record Change(Map<String, Object> columns, List<TimelineEntry> entries) {
    }

    private final EscalationRepository escalations;
    private final TimelineRepository timeline;
    private final DirectoryService directories;
    private final Clock clock;

    public EscalationLifecycleService(EscalationRepository escalations, TimelineRepository timeline,
            DirectoryService directories, Clock clock) {
        this.escalations = escalations;
        this.timeline = timeline;
        this.directories = directories;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<EscalationQueries.Detail> acknowledge(Caller caller, UUID id, long expectedVersion, String note) {
        return change(caller, id, expectedVersion, acknowledging(caller, note));
    }

    /**
     * Acknowledges for someone who is not logged in but holds the one-tap link of their alert email: the
     * caller's username is the recipient's email, and the change applies to whatever version is current,
     * since a link cannot know it. The same move and timeline entry as {@link #acknowledge}; a second use
     * changes nothing and fails as acknowledging twice does.
     *
     * @throws dev.closeloop.escalation.lifecycle.IllegalTransitionException when it is no longer OPEN
     * @throws StaleVersionException when a concurrent change got there between read and write
     */
    @WithTransaction
    public Uni<EscalationQueries.Detail> acknowledgeFromEmailLink(Caller recipient, UUID id) {
        return change(recipient, id, null, acknowledging(recipient, "acknowledged from the alert email"));
    }

    private static Decision acknowledging(Caller caller, String note) {
        return (escalation, now) -> {
            Transition transition = Lifecycle.acknowledge(escalation.status);
            Change change = move(escalation, transition, caller, now);
            change.entries().add(entry(escalation, now, TimelineKind.ACKNOWLEDGED, caller, note));
            return change;
        };
    }

    @WithTransaction
    public Uni<EscalationQueries.Detail> customerContacted(Caller caller, UUID id, long expectedVersion,
            String note) {
        return change(caller, id, expectedVersion, (escalation, now) -> {
            Transition transition = Lifecycle.contactCustomer(escalation.status);
            Change change = move(escalation, transition, caller, now);
            if (transition.acknowledges()) {
                change.entries().add(entry(escalation, now, TimelineKind.ACKNOWLEDGED, caller,
                        "acknowledged by recording the customer contact"));
            }
            change.columns().put("customer_contacted_at", now);
            change.entries().add(entry(escalation, now, TimelineKind.CUSTOMER_CONTACTED, caller, note));
            return change;
        });
    }

    @WithTransaction
    public Uni<EscalationQueries.Detail> resolve(Caller caller, UUID id, long expectedVersion, Outcome outcome,
            String note) {
        return change(caller, id, expectedVersion, (escalation, now) -> {
            Transition transition = Lifecycle.resolve(escalation.type, escalation.status, outcome);
            Change change = move(escalation, transition, caller, now);
            if (transition.acknowledges()) {
                change.entries().add(entry(escalation, now, TimelineKind.ACKNOWLEDGED, caller,
                        "acknowledged by resolving"));
            }
            change.columns().put("outcome", outcome.name());
            change.columns().put("resolved_at", now);
            change.columns().put("resolved_by", caller.username());
            change.entries().add(entry(escalation, now, TimelineKind.RESOLVED, caller,
                    note == null || note.isBlank() ? outcome.name() : outcome.name() + ": " + note.strip()));
            return change;
        });
    }

    @WithTransaction
    public Uni<EscalationQueries.Detail> addNote(Caller caller, UUID id, long expectedVersion, String text) {
        return change(caller, id, expectedVersion, (escalation, now) -> new Change(new LinkedHashMap<>(),
                new ArrayList<>(List.of(entry(escalation, now, TimelineKind.NOTE_ADDED, caller, text)))));
    }

    /**
     * @throws InvalidFieldException naming {@code managerId} when the tenant's directory has no such manager
     */
    @WithTransaction
    public Uni<EscalationQueries.Detail> reassign(Caller caller, UUID id, long expectedVersion, String managerId) {
        return directories.require(caller.tenant()).flatMap(versioned -> change(caller, id, expectedVersion,
                (escalation, now) -> {
                    Manager assignee = versioned.directory().manager(managerId)
                            .orElseThrow(() -> new InvalidFieldException("managerId",
                                    "is not a manager in this tenant's directory"));
                    Lifecycle.checkReassign(escalation.status);
                    Map<String, Object> columns = new LinkedHashMap<>();
                    columns.put("assignee_id", assignee.id());
                    columns.put("assignee_name", assignee.name());
                    columns.put("assignee_email", assignee.email());
                    return new Change(columns, new ArrayList<>(List.of(entry(escalation, now,
                            TimelineKind.REASSIGNED, caller,
                            "reassigned to " + assignee.name() + " <" + assignee.email() + ">"))));
                }));
    }

    private interface Decision {
        Change decide(Escalation escalation, Instant now);
    }

    /**
     * Loads the escalation in the caller's tenant, refuses a stale version, lets the decision say what
     * changes (or throw why not), then writes it conditionally with its timeline entries.
     *
     * @param versionRead the version the caller last read; null when they cannot know it: then the change applies
     *                    to the version it loads, still written conditionally
     */
    private Uni<EscalationQueries.Detail> change(Caller caller, UUID id, Long versionRead, Decision decision) {
        return escalations.findInTenant(caller.tenant(), id).flatMap(escalation -> {
            if (escalation == null) {
                return Uni.createFrom().nullItem();
            }
            if (versionRead != null && escalation.version != versionRead) {
                throw new StaleVersionException(escalation.version, escalation.status);
            }
            long expectedVersion = escalation.version;
            Instant now = clock.instant();
            Change change = decision.decide(escalation, now);
            return escalations.updateIfVersion(caller.tenant(), id, expectedVersion, change.columns())
                    .flatMap(updated -> Panache.getSession().flatMap(session -> session.refresh(escalation))
                            .map(refreshed -> {
                                if (!updated) {
                                    // another request changed it between our read and our write
                                    throw new StaleVersionException(escalation.version, escalation.status);
                                }
                                return escalation;
                            }))
                    .flatMap(current -> timeline.record(change.entries()))
                    .flatMap(persisted -> timeline.of(id))
                    .map(entries -> {
                        change.entries().forEach(entry -> Log.infof("%s escalationId=%s surveyId=%s by %s",
                                entry.kind, id, escalation.surveyId, caller.username()));
                        return new EscalationQueries.Detail(escalation, entries);
                    });
        });
    }

    /** The columns a status move sets, and nothing on the timeline yet: the callers add the entries in order. */
    private static Change move(Escalation escalation, Transition transition, Caller caller, Instant now) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("status", transition.to().name());
        if (transition.acknowledges()) {
            columns.put("acknowledged_at", now);
            columns.put("acknowledged_by", caller.username());
            // someone has it: no further level is alerted
            columns.put("overdue_at", null);
        }
        return new Change(columns, new ArrayList<>());
    }

    private static TimelineEntry entry(Escalation escalation, Instant at, TimelineKind kind, Caller caller,
            String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.escalationId = escalation.id;
        entry.tenant = escalation.tenant;
        entry.at = at;
        entry.kind = kind;
        entry.actor = caller.username();
        entry.detail = detail == null || detail.isBlank() ? null : detail.strip();
        return entry;
    }
}
