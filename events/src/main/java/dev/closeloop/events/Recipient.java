package dev.closeloop.events;

import java.util.List;

/**
 * Someone an alert goes to, resolved by the escalation-engine from the tenant's directory.
 *
 * @param managerId     directory id of the manager or contact
 * @param timeZone      IANA zone, so times in the alert read in the recipient's local time
 * @param escalationIds the escalations of the survey this recipient is told about (a sales
 *                      contact hears of the LEAD only; the team's managers of every type)
 */
public record Recipient(String managerId, String name, String email, String timeZone, List<String> channels,
        List<String> escalationIds) {

    public Recipient {
        channels = channels == null ? List.of("EMAIL") : List.copyOf(channels);
        escalationIds = escalationIds == null ? List.of() : List.copyOf(escalationIds);
    }
}
