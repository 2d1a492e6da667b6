package dev.closeloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Someone an alert goes to, resolved by the escalation-engine from the tenant's directory.
 *
 * @param managerId       directory id of the manager
 * @param timeZone        IANA zone, so times in the alert read in the recipient's local time
 * @param escalationIds   the escalations of the survey this recipient is told about (a sales
 *                        contact may hear of the LEAD only; the team's managers of every type)
 * @param acknowledgeUrls escalationId → this recipient's own one-tap acknowledge link; empty when the
 *                        producer minted none (messages from before the links existed read as empty)
 * @param holdUntil       null to alert at once; otherwise the start of the recipient's next working
 *                        hours: the alert can wait (praise, a lead that is not urgent) and goes out then,
 *                        in one digest with everything else held for them
 * @param groupWithin     null for no grouping; otherwise further alerts about the same agent within this
 *                        long of the first reach the recipient as one grouped alert at the window's end
 */
public record Recipient(String managerId, String name, String email, String timeZone, List<String> channels,
        List<String> escalationIds, Map<String, String> acknowledgeUrls, Instant holdUntil, Duration groupWithin) {

    public Recipient {
        channels = channels == null ? List.of("EMAIL") : List.copyOf(channels);
        escalationIds = escalationIds == null ? List.of() : List.copyOf(escalationIds);
        acknowledgeUrls = acknowledgeUrls == null ? Map.of() : Map.copyOf(acknowledgeUrls);
    }

    /** Alerted at once, never grouped, without acknowledge links yet. */
    public Recipient(String managerId, String name, String email, String timeZone, List<String> channels,
            List<String> escalationIds) {
        this(managerId, name, email, timeZone, channels, escalationIds, null, null, null);
    }

    /** When the alert reaches them if sent at {@code now}: then, or when their held digest goes out. */
    public Instant reachedAt(Instant now) {
        return holdUntil != null && holdUntil.isAfter(now) ? holdUntil : now;
    }

    /** The same recipient with these acknowledge links. */
    public Recipient withAcknowledgeUrls(Map<String, String> urls) {
        return new Recipient(managerId, name, email, timeZone, channels, escalationIds, urls, holdUntil, groupWithin);
    }
}
