package dev.closeloop.escalation.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.closeloop.events.EscalationType;

/**
 * The tenant's figures for a period, as the console and the API show them.
 *
 * @param byType            escalations raised per type
 * @param timeToAcknowledge raised → acknowledged, in the business hours of the agent's site (wall clock when the
 *                          site has none in the directory), over those acknowledged
 * @param timeToResolve     raised → resolved, counted the same way, over those resolved
 * @param slaMet            of the escalations whose first level had an acknowledge-within time and are decided
 *                          (acknowledged, or escalated to level 2), the share acknowledged before level 2 was alerted;
 *                          null when there are none
 * @param closedLoopRate    of the negative escalations raised, the share resolved after the customer was
 *                          contacted; null when there are none
 * @param positiveToNegative positive escalations per negative one; null when there are no negative ones
 */
public record ReportSummary(Instant from, Instant to, String zone, int total, Map<EscalationType, Integer> byType,
        List<Breakdown> byTeam, List<Breakdown> bySite, List<Breakdown> byAgent, List<DayCount> byDay,
        Percentiles timeToAcknowledge, Percentiles timeToResolve, Double slaMet, Double closedLoopRate,
        Double positiveToNegative) {

    /** Counts per type for one team, site or agent ({@code key} is its id, {@code name} what people call it). */
    public record Breakdown(String key, String name, int total, Map<EscalationType, Integer> byType) {
    }

    /** Counts per type raised on one day in the report's zone. */
    public record DayCount(LocalDate day, int total, Map<EscalationType, Integer> byType) {
    }

    /** p50 and p90 of a set of durations, and how many there were; the durations are null when there were none. */
    public record Percentiles(int count, Duration p50, Duration p90) {
    }
}
