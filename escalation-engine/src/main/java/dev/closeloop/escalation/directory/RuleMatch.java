package dev.closeloop.escalation.directory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Survey;

/**
 * Which escalations a rule routes. Each list narrows the match when it is not empty; an empty (or
 * absent) list matches anything, so an empty match is a catch-all.
 *
 * @param queues the survey's call queue
 * @param agents the agent's id
 */
@JsonPropertyOrder({ "types", "teams", "sites", "queues", "agents" })
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleMatch(List<EscalationType> types, List<String> teams, List<String> sites, List<String> queues,
        List<String> agents) {

    public static final RuleMatch ANY = new RuleMatch(null, null, null, null, null);

    public RuleMatch {
        types = types == null ? List.of() : List.copyOf(types);
        teams = teams == null ? List.of() : List.copyOf(teams);
        sites = sites == null ? List.of() : List.copyOf(sites);
        queues = queues == null ? List.of() : List.copyOf(queues);
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    public boolean matches(EscalationType type, Survey survey) {
        Survey.Agent agent = survey.agent();
        return fits(types, type)
                && fits(teams, agent == null ? null : agent.team())
                && fits(sites, agent == null ? null : agent.site())
                && fits(queues, survey.call() == null ? null : survey.call().queue())
                && fits(agents, agent == null ? null : agent.id());
    }

    private static <T> boolean fits(List<T> allowed, T value) {
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }
}
