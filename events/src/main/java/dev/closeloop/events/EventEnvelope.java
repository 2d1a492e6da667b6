package dev.closeloop.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every message travels in.
 *
 * @param eventId     unique per event; consumers record it to ignore redeliveries
 * @param type        the payload's type and version, e.g. {@code SurveySubmitted.v1}
 * @param tenant      the client company the event belongs to
 * @param aggregateId the id that lets an operator follow one survey through every service
 * @param occurredAt  when the producing change was committed
 * @param payload     the versioned payload record
 */
public record EventEnvelope<P>(UUID eventId, String type, String tenant, String aggregateId, Instant occurredAt,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope with a fresh event id, typed after the payload's declared {@link EventType}. */
    public static <P extends EventPayload> EventEnvelope<P> of(String tenant, String aggregateId, Instant occurredAt,
            P payload) {
        return new EventEnvelope<>(UUID.randomUUID(), payload.eventType(), tenant, aggregateId, occurredAt, payload);
    }
}
