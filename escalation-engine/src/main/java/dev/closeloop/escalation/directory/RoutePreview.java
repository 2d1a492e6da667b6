package dev.closeloop.escalation.directory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.closeloop.escalation.rules.EscalationRules;
import dev.closeloop.escalation.rules.Finding;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Survey;

/**
 * "For this survey, who would be told what, and when": the escalations the rules raise, the routing
 * rule each matches and its levels, with the time each level would be alerted if nobody acknowledged.
 * What an admin reads before changing a rule; the same functions the engine routes with.
 */
public record RoutePreview(String surveyId, Instant at, List<EscalationPreview> escalations) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

    /** @param rule null when no rule matches and the fallback manager is told */
    public record EscalationPreview(EscalationType type, List<String> reasons, String rule, SlaClock clock,
            List<LevelPreview> levels) {
    }

    /**
     * @param alertedAt   when this level would be alerted, if nobody acknowledged before
     * @param escalatesAt when the next level would be, or null on the last level
     */
    public record LevelPreview(int level, Instant alertedAt, List<RecipientPreview> recipients,
            Duration acknowledgeWithin, Instant escalatesAt) {
    }

    /**
     * @param localTime  when the alert reaches them, as their own clock reads it
     * @param heldUntil  when an alert that can wait is held for their working hours: when it goes out (in their
     *                   digest); null when it goes at once
     */
    public record RecipientPreview(String managerId, String name, String email, String timeZone, String localTime,
            Instant heldUntil) {
    }

    /** Each escalation on its own: with others of the survey, one that cannot wait would take it along. */
    private static RecipientPreview recipient(Manager manager, Route route, Instant alertedAt) {
        Instant heldUntil = route.delivery() == Delivery.WORKING_HOURS ? manager.heldUntil(alertedAt).orElse(null)
                : null;
        Instant reaches = heldUntil == null ? alertedAt : heldUntil;
        return new RecipientPreview(manager.id(), manager.name(), manager.email(), manager.timeZone(),
                LOCAL.format(reaches.atZone(ZoneId.of(manager.timeZone()))), heldUntil);
    }

    public static RoutePreview of(TenantDirectory directory, Survey survey, Instant at) {
        List<EscalationPreview> escalations = new ArrayList<>();
        for (Finding finding : EscalationRules.evaluate(survey)) {
            Route route = Routing.route(directory, finding.type(), survey);
            List<LevelPreview> levels = new ArrayList<>();
            Instant alertedAt = at;
            for (Route.Level level : route.levels()) {
                Instant escalatesAt = Routing.overdueAt(directory, route, level, alertedAt, survey).orElse(null);
                Instant when = alertedAt;
                List<RecipientPreview> recipients = level.managerIds().stream()
                        .flatMap(id -> directory.manager(id).stream())
                        .map(m -> recipient(m, route, when))
                        .toList();
                levels.add(new LevelPreview(level.number(), alertedAt, recipients, level.acknowledgeWithin(),
                        escalatesAt));
                if (escalatesAt == null) {
                    break;
                }
                alertedAt = escalatesAt;
            }
            escalations.add(new EscalationPreview(finding.type(), finding.reasons(), route.ruleId(), route.clock(),
                    levels));
        }
        return new RoutePreview(survey.surveyId(), at, escalations);
    }
}
