package dev.closeloop.escalation.directory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Who is told of the escalations a rule matches, and who next when nobody acknowledges.
 *
 * @param clock  how acknowledge-within times count: {@link SlaClock#WALL_CLOCK} when absent
 * @param levels level 1 is alerted at once; level n+1 when level n's acknowledge-within time passes
 *               with nobody acknowledging
 */
@JsonPropertyOrder({ "id", "description", "match", "clock", "levels" })
public record RoutingRule(String id, String description, RuleMatch match, SlaClock clock, List<RuleLevel> levels) {

    public RoutingRule {
        match = match == null ? RuleMatch.ANY : match;
        clock = clock == null ? SlaClock.WALL_CLOCK : clock;
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}
