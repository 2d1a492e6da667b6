package dev.closeloop.escalation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.events.EscalationType;

/**
 * One escalation in a list: the contract's fields, where it stands in its lifecycle (outcome and the
 * times are null until they happen; assignee until it is reassigned), then the agent and the
 * customer's name.
 */
public record EscalationView(UUID id, String tenant, String surveyId, EscalationType type, EscalationStatus status,
        Outcome outcome, List<String> reasons, Instant raisedAt, Instant acknowledgedAt, String acknowledgedBy,
        Instant customerContactedAt, Instant resolvedAt, String resolvedBy, RecipientView assignee,
        List<RecipientView> recipients, AgentView agent, String customerName) {

    static EscalationView of(Escalation e) {
        return new EscalationView(e.id, e.tenant, e.surveyId, e.type, e.status, e.outcome, e.reasons, e.raisedAt,
                e.acknowledgedAt, e.acknowledgedBy, e.customerContactedAt, e.resolvedAt, e.resolvedBy, assignee(e),
                recipients(e), agent(e), e.customerName);
    }

    static List<RecipientView> recipients(Escalation e) {
        return e.recipients.stream().map(r -> new RecipientView(r.managerId(), r.name(), r.email())).toList();
    }

    static RecipientView assignee(Escalation e) {
        return e.assigneeId == null ? null : new RecipientView(e.assigneeId, e.assigneeName, e.assigneeEmail);
    }

    static AgentView agent(Escalation e) {
        return new AgentView(e.agentId, e.agentName, e.team, e.site);
    }
}
