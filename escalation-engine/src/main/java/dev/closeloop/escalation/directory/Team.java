package dev.closeloop.escalation.directory;

import java.util.List;

/**
 * A team of agents, matched on the survey's {@code agent.team}; its managers hear of every
 * escalation its agents' surveys raise.
 */
public record Team(String id, String site, List<Contact> managers) {

    public Team {
        managers = managers == null ? List.of() : List.copyOf(managers);
    }
}
