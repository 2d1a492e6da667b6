package dev.closeloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Someone an alert goes to, resolved by the escalation-engine from the tenant's directory.
 *
 * @param managerId     directory id of the manager
 * @param timeZone      IANA zone, so times in the alert read in the recipient's local time
 * @param escalationIds the escalations of the survey this recipient is told about (a sales
 *                      contact may hear of the LEAD only; the team's managers of every type)
 * @param holdUntil     null to alert at once; otherwise the start of the recipient's next working
 *                      hours: the alert can wait (praise, a lead that is not urgent) and goes out then,
 *                      in one digest with everything else held for them
 * @param groupWithin   null for no grouping; otherwise further alerts about the same agent within this
 *                      long of the first reach the recipient as one grouped alert at the window's end
 */
public record Recipient(String managerId, String name, String email, String timeZone, List<String> channels,
        List<String> escalationIds, Instant holdUntil, Duration groupWithin) {

    public Recipient {
        channels = channels == null ? List.of("EMAIL") : List.copyOf(channels);
        escalationIds = escalationIds == null ? List.of() : List.copyOf(escalationIds);
    }

    /** Alerted at once, never grouped. */
    public Recipient(String managerId, String name, String email, String timeZone, List<String> channels,
            List<String> escalationIds) {
        this(managerId, name, email, timeZone, channels, escalationIds, null, null);
    }
}
