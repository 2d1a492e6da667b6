package dev.closeloop.escalation.directory;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Who is told of the escalations a rule matches, and who next when nobody acknowledges.
 *
 * @param clock       how acknowledge-within times count: {@link SlaClock#WALL_CLOCK} when absent
 * @param delivery    when its alerts may reach managers; when absent, {@link Delivery#defaultFor} the type
 * @param groupWithin when set, further escalations for the same agent within this long of the first reach
 *                    each manager as one grouped alert at the end of the window instead of one alert each
 * @param levels      level 1 is alerted at once; level n+1 when level n's acknowledge-within time passes
 *                    with nobody acknowledging
 */
@JsonPropertyOrder({ "id", "description", "match", "clock", "delivery", "groupWithin", "levels" })
public record RoutingRule(String id, String description, RuleMatch match, SlaClock clock, Delivery delivery,
        Duration groupWithin, List<RuleLevel> levels) {

    /** A rule alerting by the type's default, without grouping. */
    public RoutingRule(String id, String description, RuleMatch match, SlaClock clock, List<RuleLevel> levels) {
        this(id, description, match, clock, null, null, levels);
    }

    public RoutingRule {
        match = match == null ? RuleMatch.ANY : match;
        clock = clock == null ? SlaClock.WALL_CLOCK : clock;
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
