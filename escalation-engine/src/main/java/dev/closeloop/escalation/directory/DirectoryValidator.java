package dev.closeloop.escalation.directory;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.closeloop.escalation.calendar.BusinessHours;
import dev.closeloop.escalation.calendar.TimeWindow;

/**
 * Checks a whole tenant directory, every problem at once, each named by its path, so that an admin
 * fixes a rejected import in one go. Cross-references are checked too: a team's site, a rule's
 * managers and teams, the fallback manager must all exist, so a stored directory always routes.
 */
public final class DirectoryValidator {

    /** Ids appear in URLs and YAML: lower-case, digits and '-'. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final List<Violation> violations = new ArrayList<>();

    private DirectoryValidator() {
    }

    /** Every problem of the directory; empty when it can be stored. */
    public static List<Violation> validate(TenantDirectory directory) {
        DirectoryValidator validator = new DirectoryValidator();
        validator.check(directory);
        return List.copyOf(validator.violations);
    }

    private void check(TenantDirectory d) {
        id("id", d.id());
        required("name", d.name());
        Set<String> siteIds = ids("sites", d.sites(), Site::id);
        Set<String> managerIds = ids("managers", d.managers(), Manager::id);
        Set<String> teamIds = ids("teams", d.teams(), Team::id);
        for (int i = 0; i < d.sites().size(); i++) {
            site(at("sites", i, d.sites().get(i).id()), d.sites().get(i));
        }
        for (int i = 0; i < d.managers().size(); i++) {
            manager(at("managers", i, d.managers().get(i).id()), d.managers().get(i), siteIds);
        }
        for (int i = 0; i < d.teams().size(); i++) {
            team(at("teams", i, d.teams().get(i).id()), d.teams().get(i), siteIds, managerIds);
        }
        routing(d.routing(), siteIds, managerIds, teamIds);
    }

    private void site(String at, Site site) {
        required(at + ".name", site.name());
        zone(at + ".timeZone", site.timeZone());
        hours(at + ".businessHours", site.businessHours(), site.timeZone(), true);
    }

    private void manager(String at, Manager manager, Set<String> siteIds) {
        required(at + ".name", manager.name());
        if (blank(manager.email())) {
            add(at + ".email", "is required");
        } else if (!EMAIL.matcher(manager.email()).matches() || manager.email().length() > 320) {
            add(at + ".email", "'" + manager.email() + "' is not an email address");
        }
        if (manager.locale() != null && Locale.forLanguageTag(manager.locale()).toLanguageTag().equals("und")) {
            add(at + ".locale", "'" + manager.locale() + "' is not a language tag such as en-GB");
        }
        zone(at + ".timeZone", manager.timeZone());
        if (manager.site() != null) {
            reference(at + ".site", manager.site(), siteIds, "site");
        }
        for (String channel : manager.channels()) {
            if (!Manager.CHANNELS.contains(channel)) {
                add(at + ".channels", "unknown channel '" + channel + "'; one of " + Manager.CHANNELS);
            }
        }
        if (!manager.workingHours().isEmpty()) {
            hours(at + ".workingHours", manager.workingHours(), manager.timeZone(), true);
        }
    }

    private void team(String at, Team team, Set<String> siteIds, Set<String> managerIds) {
        if (team.site() != null) {
            reference(at + ".site", team.site(), siteIds, "site");
        }
        if (team.managers().isEmpty()) {
            add(at + ".managers", "a team needs at least one manager to alert");
        }
        team.managers().forEach(id -> reference(at + ".managers", id, managerIds, "manager"));
    }

    private void routing(RoutingPolicy routing, Set<String> siteIds, Set<String> managerIds, Set<String> teamIds) {
        if (routing == null) {
            add("routing", "is required: at least a fallback manager");
            return;
        }
        if (blank(routing.fallback())) {
            add("routing.fallback", "is required: the manager told when no rule matches");
        } else {
            reference("routing.fallback", routing.fallback(), managerIds, "manager");
        }
        ids("routing.rules", routing.rules(), RoutingRule::id);
        for (int r = 0; r < routing.rules().size(); r++) {
            RoutingRule rule = routing.rules().get(r);
            String at = at("routing.rules", r, rule.id());
            rule.match().teams().forEach(id -> reference(at + ".match.teams", id, teamIds, "team"));
            rule.match().sites().forEach(id -> reference(at + ".match.sites", id, siteIds, "site"));
            Duration group = rule.groupWithin();
            if (group != null && (group.isNegative() || group.isZero() || group.compareTo(Duration.ofDays(1)) > 0)) {
                add(at + ".groupWithin", "must be more than zero and at most a day (e.g. PT10M), was " + group);
            }
            if (rule.levels().isEmpty()) {
                add(at + ".levels", "at least one level is required");
            }
            for (int l = 0; l < rule.levels().size(); l++) {
                level(at + ".levels[" + l + "]", rule.levels().get(l), l == rule.levels().size() - 1, managerIds,
                        teamIds);
            }
        }
    }

    private void level(String at, RuleLevel level, boolean last, Set<String> managerIds, Set<String> teamIds) {
        if (level.managers().isEmpty() && level.teams().isEmpty() && !level.agentTeam()) {
            add(at, "names nobody: give managers, teams or agentTeam: true");
        }
        level.managers().forEach(id -> reference(at + ".managers", id, managerIds, "manager"));
        level.teams().forEach(id -> reference(at + ".teams", id, teamIds, "team"));
        Duration within = level.acknowledgeWithin();
        if (last && within != null) {
            add(at + ".acknowledgeWithin", "the last level has nobody to escalate to; add a level or remove it");
        } else if (!last && within == null) {
            add(at + ".acknowledgeWithin", "is required (e.g. PT30M): when the next level is alerted");
        } else if (within != null && (within.isNegative() || within.isZero() || within.compareTo(Duration.ofDays(30)) > 0)) {
            add(at + ".acknowledgeWithin", "must be more than zero and at most 30 days, was " + within);
        }
    }

    private void hours(String at, Map<String, List<String>> week, String timeZone, boolean needsOpening) {
        boolean valid = true;
        boolean anyWindow = false;
        for (Map.Entry<String, List<String>> day : week.entrySet()) {
            if (WeekHours.day(day.getKey()).isEmpty()) {
                add(at + "." + day.getKey(), "not a day of the week (monday..sunday)");
                valid = false;
                continue;
            }
            for (String window : day.getValue()) {
                try {
                    TimeWindow.parse(window);
                    anyWindow = true;
                } catch (IllegalArgumentException e) {
                    add(at + "." + day.getKey(), e.getMessage());
                    valid = false;
                }
            }
        }
        if (needsOpening && !anyWindow && valid) {
            add(at, "at least one opening window is required, e.g. monday: [\"09:00-17:00\"]");
        }
        if (valid && anyWindow && validZone(timeZone)) {
            try {
                new BusinessHours(ZoneId.of(timeZone), WeekHours.parse(week), Set.of());
            } catch (IllegalArgumentException e) {
                add(at, e.getMessage());
            }
        }
    }

    private void zone(String at, String timeZone) {
        if (blank(timeZone)) {
            add(at, "is required: an IANA zone such as Europe/London");
        } else if (!validZone(timeZone)) {
            add(at, "'" + timeZone + "' is not an IANA time zone such as Europe/London (offsets ignore DST)");
        }
    }

    private static boolean validZone(String timeZone) {
        try {
            // region ids only (Europe/London), and plain UTC for sites that really keep it; offsets never follow DST
            return timeZone != null && !(ZoneId.of(timeZone) instanceof ZoneOffset)
                    && (timeZone.contains("/") || timeZone.equals("UTC"));
        } catch (DateTimeException e) {
            return false;
        }
    }

    private <T> Set<String> ids(String list, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            String at = at(list, i, value) + ".id";
            if (id(at, value) && !seen.add(value)) {
                add(at, "'" + value + "' is used twice");
            }
        }
        return seen;
    }

    private boolean id(String at, String value) {
        if (blank(value)) {
            add(at, "is required");
            return false;
        }
        if (!ID.matcher(value).matches()) {
            add(at, "'" + value + "' must be lower-case letters, digits and '-' (at most 100)");
            return false;
        }
        return true;
    }

    private void reference(String at, String id, Set<String> known, String what) {
        if (!known.contains(id)) {
            add(at, "unknown " + what + " '" + id + "'");
        }
    }

    private void required(String at, String value) {
        if (blank(value)) {
            add(at, "is required");
        }
    }

    private void add(String path, String message) {
        violations.add(new Violation(path, message));
    }

    /** {@code teams[billing-uk]} when the item has a usable id, else {@code teams[2]}. */
    private static String at(String list, int index, String id) {
        return list + "[" + (id == null || id.isBlank() || !ID.matcher(id).matches() ? String.valueOf(index) : id)
                + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
