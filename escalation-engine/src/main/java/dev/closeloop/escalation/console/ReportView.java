package dev.closeloop.escalation.console;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.closeloop.escalation.directory.Site;
import dev.closeloop.escalation.directory.Team;
import dev.closeloop.escalation.directory.TenantDirectory;
import dev.closeloop.escalation.reports.ReportSummary;
import dev.closeloop.events.EscalationType;

/**
 * The reports page: the summary's figures as tiles and as bar charts drawn in SVG on the server (no chart
 * library, no script needed to read them). Every bar is split by type in the same colours as the feed's badges.
 */
public record ReportView(String period, int total, String slaMet, String closedLoopRate, String positiveToNegative,
        Timing acknowledge, Timing resolve, List<Bar> byType, List<Bar> byTeam, List<Bar> bySite, List<Bar> byAgent,
        List<Column> byDay, List<Legend> legend) {

    /** The most agents the chart lists; the CSV has them all. */
    static final int AGENTS = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);

    /** p50 and p90 of a time, over {@code count} escalations. */
    public record Timing(int count, String p50, String p90) {
    }

    /** One horizontal bar: its label, total and coloured parts (x and width in percent of the widest bar). */
    public record Bar(String label, int total, List<Part> parts) {
    }

    public record Part(String typeClass, String typeLabel, int count, double x, double width) {
    }

    /** One day's column: height in percent of the busiest day. */
    public record Column(String day, int total, double height, double y) {
    }

    public record Legend(String typeClass, String label) {
    }

    /** Teams and sites by the names the directory gives them (the summary knows them by id). */
    static ReportView of(ReportSummary s, String period, TenantDirectory directory) {
        int widestType = s.byType().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Bar> byType = new ArrayList<>();
        for (EscalationType type : EscalationType.values()) {
            int count = s.byType().getOrDefault(type, 0);
            byType.add(new Bar(type.label(), count, List.of(new Part(Formats.typeClass(type), type.label(), count, 0,
                    share(count, widestType)))));
        }
        int busiestDay = s.byDay().stream().mapToInt(ReportSummary.DayCount::total).max().orElse(0);
        List<Column> days = s.byDay().stream().map(d -> {
            double height = share(d.total(), busiestDay);
            return new Column(DAY.format(d.day()), d.total(), height, 100 - height);
        }).toList();
        return new ReportView(period, s.total(), Formats.percent(s.slaMet()), Formats.percent(s.closedLoopRate()),
                s.positiveToNegative() == null ? "–" : String.format(Locale.UK, "%.1f : 1", s.positiveToNegative()),
                timing(s.timeToAcknowledge()), timing(s.timeToResolve()), byType,
                bars(s.byTeam(), Integer.MAX_VALUE, key -> directory.team(key).map(Team::name)),
                bars(s.bySite(), Integer.MAX_VALUE, key -> directory.site(key).map(Site::name)),
                bars(s.byAgent(), AGENTS, key -> Optional.empty()), days,
                java.util.Arrays.stream(EscalationType.values())
                        .map(t -> new Legend(Formats.typeClass(t), t.label())).toList());
    }

    private static Timing timing(ReportSummary.Percentiles p) {
        return new Timing(p.count(), Formats.duration(p.p50()), Formats.duration(p.p90()));
    }

    private static List<Bar> bars(List<ReportSummary.Breakdown> breakdowns, int most,
            Function<String, Optional<String>> directoryName) {
        int widest = breakdowns.stream().mapToInt(ReportSummary.Breakdown::total).max().orElse(0);
        return breakdowns.stream().limit(most).map(b -> new Bar(directoryName.apply(b.key())
                .orElse(b.name() == null ? b.key() : b.name()), b.total(), parts(b.byType(), widest))).toList();
    }

    private static List<Part> parts(Map<EscalationType, Integer> byType, int widest) {
        List<Part> parts = new ArrayList<>();
        double x = 0;
        for (EscalationType type : EscalationType.values()) {
            int count = byType.getOrDefault(type, 0);
            if (count > 0) {
                double width = share(count, widest);
                parts.add(new Part(Formats.typeClass(type), type.label(), count, x, width));
                x += width;
            }
        }
        return parts;
    }

    private static double share(int count, int of) {
        return of == 0 ? 0 : Math.round(count * 1000.0 / of) / 10.0;
    }
}
