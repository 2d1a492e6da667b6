package dev.closeloop.escalation.directory;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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

    /** Anyone alerts can go to: a team manager, a sales contact or the fallback contact. */
    public Optional<Contact> contact(String contactId) {
        if (contactId == null) {
            return Optional.empty();
        }
        Stream<Contact> everyone = Stream.concat(Stream.concat(
                teams.stream().flatMap(team -> team.managers().stream()), salesContacts.stream()),
                Stream.ofNullable(fallbackContact));
        return everyone.filter(contact -> contactId.equals(contact.id())).findFirst();
    }

    public Optional<Team> team(String teamId) {
        if (teamId == null) {
            return Optional.empty();
        }
        return teams.stream().filter(team -> team.id().equals(teamId)).findFirst();
    }
}
