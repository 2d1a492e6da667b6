package dev.closeloop.escalation.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.closeloop.events.EscalationType;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;

/**
 * Who hears of a survey's escalations: a pure function of the tenant's directory entry, the
 * agent's team and the escalations.
 * <ul>
 * <li>the managers of the agent's team hear of every escalation;</li>
 * <li>when the team is not in the directory, the tenant's fallback contact hears of every
 * escalation instead: an escalation is never dropped for want of a recipient;</li>
 * <li>the tenant's sales contacts hear of the LEAD, and of nothing else.</li>
 * </ul>
 * A person who is reached in several ways is one recipient, told about the union.
 */
public final class Routing {

    public static final List<String> CHANNELS = List.of("EMAIL");

    private Routing() {
    }

    public static List<Recipient> route(Tenant tenant, String teamId, List<RaisedEscalation> escalations) {
        if (escalations.isEmpty()) {
            return List.of();
        }
        List<String> all = escalations.stream().map(RaisedEscalation::escalationId).toList();
        List<String> leads = escalations.stream().filter(e -> e.type() == EscalationType.LEAD)
                .map(RaisedEscalation::escalationId).toList();

        Map<String, Told> told = new LinkedHashMap<>();
        List<Contact> primary = tenant.team(teamId).map(Team::managers).orElse(List.of(tenant.fallbackContact()));
        for (Contact contact : primary) {
            tell(told, contact, all);
        }
        if (!leads.isEmpty()) {
            for (Contact contact : tenant.salesContacts()) {
                tell(told, contact, leads);
            }
        }

        List<Recipient> recipients = new ArrayList<>(told.size());
        for (Told entry : told.values()) {
            // keep the survey's own order of escalations, whichever way a person was reached
            List<String> ids = all.stream().filter(entry.ids::contains).toList();
            Contact c = entry.contact;
            recipients.add(new Recipient(c.id(), c.name(), c.email(), c.timeZone(), CHANNELS, ids));
        }
        return List.copyOf(recipients);
    }

    /** The recipients told about one escalation. */
    public static List<Recipient> toldAbout(List<Recipient> recipients, String escalationId) {
        return recipients.stream().filter(r -> r.escalationIds().contains(escalationId)).toList();
    }

    private static void tell(Map<String, Told> told, Contact contact, List<String> ids) {
        told.computeIfAbsent(contact.id(), id -> new Told(contact)).ids.addAll(ids);
    }

    private static final class Told {
        final Contact contact;
        final List<String> ids = new ArrayList<>();

        Told(Contact contact) {
            this.contact = contact;
        }
    }
}
