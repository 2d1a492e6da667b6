package dev.closeloop.notification.repository;

import java.time.Instant;
import java.util.UUID;

import dev.closeloop.notification.DeliveryBatch;

/**
 * A due delivery this worker now owns until its lease lapses. Only the claim that holds
 * {@code claimToken} can complete it.
 *
 * @param attemptsBefore attempts made before this one
 * @param alert          the AlertReady envelope as JSON
 * @param channel        EMAIL or PUSH
 * @param batch          the batch it is sent with, or null for an email (or push) of its own
 */
public record ClaimedDelivery(UUID id, UUID claimToken, String tenant, String surveyId, String recipientEmail,
        String channel, int level, String managerId, String alert, int attemptsBefore, DeliveryBatch batch,
        Instant createdAt) {
}
