package dev.closeloop.events;

import java.util.List;
import java.util.Map;

/**
 * Someone an alert goes to, resolved by the escalation-engine from the tenant's directory.
 *
 * @param managerId       directory id of the manager or contact
 * @param timeZone        IANA zone, so times in the alert read in the recipient's local time
 * @param escalationIds   the escalations of the survey this recipient is told about (a sales
 *                        contact hears of the LEAD only; the team's managers of every type)
 * @param acknowledgeUrls escalationId → this recipient's own one-tap acknowledge link; empty when the
 *                        producer minted none (messages from before the links existed read as empty)
 */
public record Recipient(String managerId, String name, String email, String timeZone, List<String> channels,
        List<String> escalationIds, Map<String, String> acknowledgeUrls) {

    public Recipient {
        channels = channels == null ? List.of("EMAIL") : List.copyOf(channels);
        escalationIds = escalationIds == null ? List.of() : List.copyOf(escalationIds);
        acknowledgeUrls = acknowledgeUrls == null ? Map.of() : Map.copyOf(acknowledgeUrls);
    }

    /** A recipient without acknowledge links yet. */
    public Recipient(String managerId, String name, String email, String timeZone, List<String> channels,
            List<String> escalationIds) {
        this(managerId, name, email, timeZone, channels, escalationIds, null);
    }

    /** The same recipient with these acknowledge links. */
    public Recipient withAcknowledgeUrls(Map<String, String> urls) {
        return new Recipient(managerId, name, email, timeZone, channels, escalationIds, urls);
    }
}
