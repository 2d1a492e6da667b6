package dev.closeloop.escalation.directory;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One step of a rule's escalation chain: who is alerted, and how long they have to acknowledge
 * before the next level is.
 *
 * @param managers          manager ids
 * @param teams             team ids: their managers
 * @param agentTeam         the managers of the surveyed agent's own team (nobody when the survey names
 *                          no team the directory knows)
 * @param acknowledgeWithin ISO-8601 duration (PT30M); required on every level but the last
 */
@JsonPropertyOrder({ "managers", "teams", "agentTeam", "acknowledgeWithin" })
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record RuleLevel(List<String> managers, List<String> teams, boolean agentTeam, Duration acknowledgeWithin) {

    public RuleLevel {
        managers = managers == null ? List.of() : List.copyOf(managers);
        teams = teams == null ? List.of() : List.copyOf(teams);
    }
}
