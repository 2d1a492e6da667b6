package dev.closeloop.escalation.reports;

import java.time.Duration;
import java.time.Instant;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.events.EscalationType;

/**
 * What the reports need of one escalation; plain values, so the figures are a pure function of them.
 *
 * @param site                 the surveyed agent's site id (the directory's), or null
 * @param acknowledgeWithin    level 1's acknowledge-within time; null when its rule set none (no SLA)
 * @param level                the level alerted last: above 1 means the first level's SLA was missed
 */
public record EscalationFacts(EscalationType type, EscalationStatus status, Outcome outcome, String team,
        String site, String agentId, String agentName, Instant raisedAt, Instant acknowledgedAt,
        Instant customerContactedAt, Instant resolvedAt, Duration acknowledgeWithin, int level) {
}
