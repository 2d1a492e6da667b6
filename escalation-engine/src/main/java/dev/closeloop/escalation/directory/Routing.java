package dev.closeloop.escalation.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;

/**
 * Who hears of an escalation, and when the next level does: pure functions of the tenant's
 * directory, the escalation's type and its survey.
 * <ul>
 * <li>rules are tried in order; the first whose match fits routes the escalation;</li>
 * <li>no rule matching, or a level that reaches nobody (the agent's team is unknown), tells the
 * tenant's fallback manager instead: an escalation is never dropped for want of a recipient;</li>
 * <li>a person reached about several escalations of one survey gets one alert naming them all.</li>
 * </ul>
 */
public final class Routing {

    private Routing() {
    }

    public static Route route(TenantDirectory directory, EscalationType type, Survey survey) {
        String fallback = directory.routing().fallback();
        for (RoutingRule rule : directory.routing().rules()) {
            if (!rule.match().matches(type, survey)) {
                continue;
            }
            List<Route.Level> levels = new ArrayList<>();
            for (int i = 0; i < rule.levels().size(); i++) {
                RuleLevel level = rule.levels().get(i);
                List<String> managers = managersOf(directory, level, survey);
                levels.add(new Route.Level(i + 1, managers.isEmpty() ? List.of(fallback) : managers,
                        level.acknowledgeWithin()));
            }
            Delivery delivery = rule.delivery() == null ? Delivery.defaultFor(type) : rule.delivery();
            return new Route(rule.id(), rule.clock(), delivery, rule.groupWithin(), levels);
        }
        return new Route(null, SlaClock.WALL_CLOCK, Delivery.defaultFor(type), null,
                List.of(new Route.Level(1, List.of(fallback), null)));
    }

    /** One escalation's level, and the managers it reaches, on its way into an alert. */
    public record Told(String escalationId, Route route, List<String> managerIds) {
    }

    /**
     * The recipients of one alert sent at {@code now}: each manager once, told about every escalation
     * that reaches them, in the order the escalations are given. Managers no longer in the directory are
     * left out.
     * <ul>
     * <li>A manager is alerted at once unless every escalation they are told about can wait for their
     * working hours and those have not started: then the alert is held until they do ({@code holdUntil}).
     * One that cannot wait takes the others along.</li>
     * <li>Alerts are grouped by agent only when every escalation's rule groups, over the shortest window.</li>
     * </ul>
     */
    public static List<Recipient> recipients(TenantDirectory directory, List<Told> told, Instant now) {
        Map<String, List<Told>> byManager = new LinkedHashMap<>();
        told.forEach(t -> t.managerIds().forEach(
                managerId -> byManager.computeIfAbsent(managerId, id -> new ArrayList<>()).add(t)));
        List<Recipient> recipients = new ArrayList<>();
        byManager.forEach((managerId, about) -> directory.manager(managerId).ifPresent(m -> {
            boolean canWait = about.stream().allMatch(t -> t.route().delivery() == Delivery.WORKING_HOURS);
            Instant holdUntil = canWait ? m.heldUntil(now).orElse(null) : null;
            Duration groupWithin = about.stream().allMatch(t -> t.route().groupWithin() != null)
                    ? about.stream().map(t -> t.route().groupWithin()).min(Duration::compareTo).orElse(null)
                    : null;
            recipients.add(new Recipient(m.id(), m.name(), m.email(), m.timeZone(), m.channels(),
                    about.stream().map(Told::escalationId).toList(), null, holdUntil, groupWithin));
        }));
        return List.copyOf(recipients);
    }

    /**
     * When a level alerted at {@code alertedAt} is overdue, if a further level waits for it. On the
     * wall clock that is simply the acknowledge-within time later. In business hours each manager's
     * own site counts (theirs, their team's, or else the surveyed agent's site), and the level is
     * overdue once every one of them has had the full time: nobody is skipped because a colleague's
     * site opened earlier. A manager with no site to go by counts wall-clock time.
     */
    public static Optional<Instant> overdueAt(TenantDirectory directory, Route route, Route.Level level,
            Instant alertedAt, Survey survey) {
        if (route.after(level).isEmpty()) {
            return Optional.empty();
        }
        Duration within = level.acknowledgeWithin();
        Instant wallClock = alertedAt.plus(within);
        if (route.clock() == SlaClock.WALL_CLOCK) {
            return Optional.of(wallClock);
        }
        Optional<Site> agentSite = Optional.ofNullable(survey.agent())
                .flatMap(agent -> Optional.ofNullable(agent.site()).flatMap(directory::site)
                        .or(() -> directory.team(agent.team()).flatMap(team -> directory.site(team.site()))));
        Instant latest = null;
        for (String managerId : level.managerIds()) {
            Optional<Site> site = directory.manager(managerId).flatMap(directory::siteOf).or(() -> agentSite);
            Instant due = site.map(s -> s.hours().addBusinessTime(alertedAt, within)).orElse(wallClock);
            latest = latest == null || due.isAfter(latest) ? due : latest;
        }
        return Optional.of(latest == null ? wallClock : latest);
    }

    private static List<String> managersOf(TenantDirectory directory, RuleLevel level, Survey survey) {
        // the agent's own team first, then named teams, then named managers: the order alerts list them in
        Set<String> managers = new LinkedHashSet<>();
        if (level.agentTeam() && survey.agent() != null) {
            directory.team(survey.agent().team()).ifPresent(team -> managers.addAll(team.managers()));
        }
        for (String teamId : level.teams()) {
            directory.team(teamId).ifPresent(team -> managers.addAll(team.managers()));
        }
        managers.addAll(level.managers());
        return List.copyOf(managers);
    }
}
