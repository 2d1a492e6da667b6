package dev.closeloop.events;

import java.time.Instant;
import java.util.List;

/**
 * Published by the notification-service when an alert reached (or finally failed to reach) a
 * recipient on a channel; the escalation-engine records it on each escalation's timeline.
 *
 * @param status   {@code SENT} when the channel accepted it, {@code FAILED} when retries ran out
 * @param attempts how many attempts the delivery took
 */
public record AlertDelivered(String surveyId, List<String> escalationIds, String managerId, String recipientEmail,
        String channel, int level, String status, int attempts, Instant deliveredAt) implements EventPayload {

    public static final String TYPE = "AlertDelivered.v1";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    public AlertDelivered {
        escalationIds = List.copyOf(escalationIds);
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
