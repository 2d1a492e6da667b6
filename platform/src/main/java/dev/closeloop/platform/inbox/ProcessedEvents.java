package dev.closeloop.platform.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The consumer side of exactly-once effects: a consumer records each event id in the same
 * transaction as the effect, so a redelivered event is recognised and skipped. Each service's
 * migrations create the {@code processed_event} table.
 */
@ApplicationScoped
public class ProcessedEvents {

    /**
     * Marks the event as processed by this consumer, inside the current transaction.
     *
     * @return true the first time, false when the event was already processed (the caller skips it)
     */
    public Uni<Boolean> markFirstProcessing(UUID eventId, String consumer) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("INSERT INTO processed_event (event_id, consumer, processed_at) "
                        + "VALUES (:eventId, :consumer, now()) ON CONFLICT DO NOTHING")
                .setParameter("eventId", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
