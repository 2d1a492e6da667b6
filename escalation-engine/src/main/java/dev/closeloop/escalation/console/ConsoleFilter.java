package dev.closeloop.escalation.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.directory.TenantDirectory;
import dev.closeloop.escalation.repository.EscalationRepository;
import dev.closeloop.events.EscalationType;

/**
 * The feed's filters as the page's form sends them. A value the form never offers (an edited URL, a team since
 * removed from the directory) is not applied and is named in {@link #problems()}, so the page says why the list is
 * wider than asked rather than silently showing something else.
 */
public record ConsoleFilter(EscalationType type, EscalationStatus status, String team, String site, Period period,
        List<String> problems) {

    /** How far back the feed looks. */
    public enum Period {
        DAY("Last 24 hours", Duration.ofDays(1)), WEEK("Last 7 days", Duration.ofDays(7)),
        MONTH("Last 30 days", Duration.ofDays(30)), QUARTER("Last 90 days", Duration.ofDays(90));

        private final String label;
        private final Duration length;

        Period(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        public String label() {
            return label;
        }

        public Duration length() {
            return length;
        }

        static Optional<Period> parse(String value) {
            return Arrays.stream(values()).filter(p -> p.name().equals(value)).findFirst();
        }
    }

    static final Period DEFAULT_PERIOD = Period.WEEK;

    static ConsoleFilter parse(String type, String status, String team, String site, String period,
            TenantDirectory directory) {
        List<String> problems = new ArrayList<>();
        EscalationType typeValue = value("type", type, EscalationType.class, problems);
        EscalationStatus statusValue = value("status", status, EscalationStatus.class, problems);
        String teamValue = blank(team) ? null : team.strip();
        if (teamValue != null && directory.team(teamValue).isEmpty()) {
            problems.add("team: there is no team '" + teamValue + "' in the directory");
            teamValue = null;
        }
        String siteValue = blank(site) ? null : site.strip();
        if (siteValue != null && directory.site(siteValue).isEmpty()) {
            problems.add("site: there is no site '" + siteValue + "' in the directory");
            siteValue = null;
        }
        Period periodValue = DEFAULT_PERIOD;
        if (!blank(period)) {
            Optional<Period> parsed = Period.parse(period.strip());
            if (parsed.isEmpty()) {
                problems.add("period: must be one of " + Arrays.toString(Period.values()));
            }
            periodValue = parsed.orElse(DEFAULT_PERIOD);
        }
        return new ConsoleFilter(typeValue, statusValue, teamValue, siteValue, periodValue, List.copyOf(problems));
    }

    /** The repository's filter for the period ending at {@code now}. */
    EscalationRepository.Filter at(Instant now) {
        return new EscalationRepository.Filter(null, type, status, team, site, now.minus(period.length()), null);
    }

    /** The query string that asks for the same filters, for the script that re-fetches the rows. */
    public String query() {
        StringBuilder query = new StringBuilder("period=").append(period.name());
        if (type != null) {
            query.append("&type=").append(type.name());
        }
        if (status != null) {
            query.append("&status=").append(status.name());
        }
        if (team != null) {
            query.append("&team=").append(java.net.URLEncoder.encode(team, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (site != null) {
            query.append("&site=").append(java.net.URLEncoder.encode(site, java.nio.charset.StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private static <E extends Enum<E>> E value(String name, String value, Class<E> type, List<String> problems) {
        if (blank(value)) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        problems.add(name + ": must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
