package dev.closeloop.escalation.feed;

import java.time.Instant;

/**
 * Something happened to an escalation: what a live view needs to know to fetch it again. One per timeline
 * entry, sent when the transaction that wrote it commits.
 *
 * @param kind the timeline entry's kind: RAISED, ACKNOWLEDGED, ESCALATED, NOTIFIED...
 */
public record FeedEvent(String tenant, String escalationId, String kind, Instant at) {
}
