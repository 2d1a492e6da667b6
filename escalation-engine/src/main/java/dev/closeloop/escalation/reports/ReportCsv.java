package dev.closeloop.escalation.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.closeloop.escalation.reports.ReportSummary.Breakdown;
import dev.closeloop.events.EscalationType;

/**
 * The summary's counts as CSV (RFC 4180). Cells a spreadsheet would take for a formula are prefixed with
 * an apostrophe: team and agent names come from surveys, which outsiders write.
 */
public final class ReportCsv {

    /** What the rows are. */
    public enum By {
        TEAM, SITE, AGENT, DAY;

        public static Optional<By> parse(String value) {
            if (value == null || value.isBlank()) {
                return Optional.of(TEAM);
            }
            try {
                return Optional.of(valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private ReportCsv() {
    }

    public static String counts(ReportSummary summary, By by) {
        StringBuilder csv = new StringBuilder();
        csv.append(by == By.DAY ? "day" : by.name().toLowerCase(Locale.ROOT)).append(",name,total");
        for (EscalationType type : EscalationType.values()) {
            csv.append(',').append(type.name());
        }
        csv.append("\r\n");
        if (by == By.DAY) {
            summary.byDay().forEach(day -> row(csv, day.day().toString(), day.day().toString(), day.total(),
                    day.byType()));
        } else {
            List<Breakdown> rows = by == By.TEAM ? summary.byTeam() : by == By.SITE ? summary.bySite() : summary.byAgent();
            rows.forEach(row -> row(csv, row.key(), row.name(), row.total(), row.byType()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String key, String name, int total, Map<EscalationType, Integer> byType) {
        csv.append(cell(key)).append(',').append(cell(name)).append(',').append(total);
        for (EscalationType type : EscalationType.values()) {
            csv.append(',').append(byType.getOrDefault(type, 0));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
