package dev.closeloop.escalation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.closeloop.escalation.Escalation;
import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.events.EscalationType;

/** One escalation in a list: the contract's fields, then the agent and the customer's name. */
public record EscalationView(UUID id, String tenant, String surveyId, EscalationType type, EscalationStatus status,
        List<String> reasons, Instant raisedAt, List<RecipientView> recipients, AgentView agent,
        String customerName) {

    static EscalationView of(Escalation e) {
        return new EscalationView(e.id, e.tenant, e.surveyId, e.type, e.status, e.reasons, e.raisedAt,
                recipients(e), agent(e), e.customerName);
    }

    static List<RecipientView> recipients(Escalation e) {
        return e.recipients.stream().map(r -> new RecipientView(r.managerId(), r.name(), r.email())).toList();
    }

    static AgentView agent(Escalation e) {
        return new AgentView(e.agentId, e.agentName, e.team, e.site);
    }
}
