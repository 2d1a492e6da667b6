package dev.closeloop.escalation.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.escalation.repository.JsonColumns;
import dev.closeloop.escalation.service.EscalationQueries;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Survey;

/**
 * One escalation with where it stands, the survey that raised it and its timeline, oldest entry
 * first. Its version travels as the ETag header.
 */
public record EscalationDetailView(UUID id, String tenant, String surveyId, EscalationType type,
        EscalationStatus status, Outcome outcome, List<String> reasons, Instant raisedAt, Instant acknowledgedAt,
        String acknowledgedBy, Instant customerContactedAt, Instant resolvedAt, String resolvedBy,
        RecipientView assignee, List<RecipientView> recipients, AgentView agent, String customerName, Survey survey,
        List<TimelineView> timeline) {

    static EscalationDetailView of(EscalationQueries.Detail detail) {
        var e = detail.escalation();
        return new EscalationDetailView(e.id, e.tenant, e.surveyId, e.type, e.status, e.outcome, e.reasons,
                e.raisedAt, e.acknowledgedAt, e.acknowledgedBy, e.customerContactedAt, e.resolvedAt, e.resolvedBy,
                EscalationView.assignee(e), EscalationView.recipients(e), EscalationView.agent(e), e.customerName,
                JsonColumns.survey(e.survey), detail.timeline().stream().map(TimelineView::of).toList());
    }
}
