package dev.closeloop.escalation.directory;

import java.util.List;
import java.util.Optional;

/**
 * A client company: who hears of its escalations and who may read them.
 *
 * @param fallbackContact hears of every escalation whose agent's team is not in the directory, so
 *                        that no escalation is dropped for want of a recipient
 * @param salesContacts   hear of LEAD escalations, and of nothing else
 */
public record Tenant(String id, String name, Contact fallbackContact, List<Contact> salesContacts, List<Team> teams,
        List<Account> accounts) {

    public Tenant {
        salesContacts = salesContacts == null ? List.of() : List.copyOf(salesContacts);
        teams = teams == null ? List.of() : List.copyOf(teams);
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    public Optional<Team> team(String teamId) {
        if (teamId == null) {
            return Optional.empty();
        }
        return teams.stream().filter(team -> team.id().equals(teamId)).findFirst();
    }
}
