package dev.closeloop.escalation.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import dev.closeloop.escalation.calendar.BusinessHours;
import dev.closeloop.escalation.reports.ReportSummary.Breakdown;
import dev.closeloop.escalation.reports.ReportSummary.DayCount;
import dev.closeloop.escalation.reports.ReportSummary.Percentiles;
import dev.closeloop.events.EscalationType;

/** The figures of a period, a pure function of its escalations and the sites' business hours. */
public final class Reports {

    /** Shown for escalations whose survey named no team, site or agent. */
    public static final String NONE = "(none)";

    private Reports() {
    }

    /**
     * @param escalations those raised in [from, to)
     * @param siteHours   a site id's business hours, if the directory has the site
     * @param zone        the zone whose calendar days {@code byDay} counts in
     */
    public static ReportSummary summarize(List<EscalationFacts> escalations, Instant from, Instant to, ZoneId zone,
            Function<String, Optional<BusinessHours>> siteHours) {
        Map<String, Tally> teams = new TreeMap<>();
        Map<String, Tally> sites = new TreeMap<>();
        Map<String, Tally> agents = new TreeMap<>();
        Map<LocalDate, Tally> days = new TreeMap<>();
        Tally all = new Tally(null);
        List<Duration> toAcknowledge = new ArrayList<>();
        List<Duration> toResolve = new ArrayList<>();
        int slaDecided = 0;
        int slaMet = 0;
        int negative = 0;
        int closedLoop = 0;

        for (EscalationFacts e : escalations) {
            all.add(e.type());
            teams.computeIfAbsent(orNone(e.team()), key -> new Tally(null)).add(e.type());
            sites.computeIfAbsent(orNone(e.site()), key -> new Tally(null)).add(e.type());
            agents.computeIfAbsent(orNone(e.agentId()), key -> new Tally(e.agentName())).add(e.type());
            days.computeIfAbsent(LocalDate.ofInstant(e.raisedAt(), zone), key -> new Tally(null)).add(e.type());

            Optional<BusinessHours> hours = e.site() == null ? Optional.empty() : siteHours.apply(e.site());
            if (e.acknowledgedAt() != null) {
                toAcknowledge.add(elapsed(hours, e.raisedAt(), e.acknowledgedAt()));
            }
            if (e.resolvedAt() != null) {
                toResolve.add(elapsed(hours, e.raisedAt(), e.resolvedAt()));
            }
            if (e.acknowledgeWithin() != null && (e.acknowledgedAt() != null || e.level() > 1)) {
                slaDecided++;
                // acknowledged while level 1 was the last alerted: nobody further had to be told
                if (e.acknowledgedAt() != null && e.level() == 1) {
                    slaMet++;
                }
            }
            if (e.type().polarity() == EscalationType.Polarity.NEGATIVE) {
                negative++;
                if (e.resolvedAt() != null && e.customerContactedAt() != null) {
                    closedLoop++;
                }
            }
        }
        int positive = all.total - negative;
        return new ReportSummary(from, to, zone.getId(), all.total, all.byType,
                breakdowns(teams), breakdowns(sites), breakdowns(agents), dayCounts(days),
                percentiles(toAcknowledge), percentiles(toResolve),
                slaDecided == 0 ? null : ratio(slaMet, slaDecided),
                negative == 0 ? null : ratio(closedLoop, negative),
                negative == 0 ? null : ratio(positive, negative));
    }

    /** Nearest-rank percentiles: an actual duration of the set, never an interpolated one. */
    static Percentiles percentiles(List<Duration> durations) {
        if (durations.isEmpty()) {
            return new Percentiles(0, null, null);
        }
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        return new Percentiles(sorted.size(), rank(sorted, 50), rank(sorted, 90));
    }

    private static Duration rank(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Duration elapsed(Optional<BusinessHours> hours, Instant from, Instant to) {
        return hours.map(h -> h.businessTimeBetween(from, to)).orElse(Duration.between(from, to));
    }

    private static double ratio(int part, int whole) {
        return Math.round(part * 10000.0 / whole) / 10000.0;
    }

    static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static List<Breakdown> breakdowns(Map<String, Tally> tallies) {
        List<Breakdown> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> rows.add(new Breakdown(key, tally.name == null ? key : tally.name,
                tally.total, tally.byType)));
        rows.sort((a, b) -> Integer.compare(b.total(), a.total()));
        return List.copyOf(rows);
    }

    private static List<DayCount> dayCounts(Map<LocalDate, Tally> tallies) {
        List<DayCount> rows = new ArrayList<>();
        tallies.forEach((day, tally) -> rows.add(new DayCount(day, tally.total, tally.byType)));
        return List.copyOf(rows);
    }

    /** Counts per type, every type present (0 when none), in the enum's order. */
    private static final class Tally {
        final String name;
        final Map<EscalationType, Integer> byType = new EnumMap<>(EscalationType.class);
        int total;

        Tally(String name) {
            this.name = name;
            for (EscalationType type : EscalationType.values()) {
                byType.put(type, 0);
            }
        }

        void add(EscalationType type) {
            byType.merge(type, 1, Integer::sum);
            total++;
        }
    }
}
