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

    /** @param localTime when the alert reaches them, as their own clock reads it */
    public record RecipientPreview(String managerId, String name, String email, String timeZone, String localTime) {
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
                        .map(m -> new RecipientPreview(m.id(), m.name(), m.email(), m.timeZone(),
                                LOCAL.format(when.atZone(ZoneId.of(m.timeZone())))))
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
