package dev.closeloop.escalation.directory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A team of agents, matched on the survey's {@code agent.team}.
 *
 * @param site     the site the team works at
 * @param managers ids of the managers a rule reaches when it names the team (or the agent's team)
 */
@JsonPropertyOrder({ "id", "name", "site", "managers" })
public record Team(String id, String name, String site, List<String> managers) {

    public Team {
        managers = managers == null ? List.of() : List.copyOf(managers);
    }
}
