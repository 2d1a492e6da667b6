package dev.closeloop.platform.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import io.smallrye.mutiny.Uni;

/**
 * Records events to publish inside the caller's transaction. Call it from a method that runs in
 * {@code @WithTransaction} (or {@code Panache.withTransaction}); the {@link OutboxRelay} publishes
 * what committed.
 */
@ApplicationScoped
public class Outbox {

    public Uni<Void> enqueue(String address, EventEnvelope<?> envelope) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.eventId();
        message.address = address;
        message.tenant = envelope.tenant();
        message.aggregateId = envelope.aggregateId();
        message.payload = EventCodec.encode(envelope);
        message.createdAt = Instant.now();
        return message.persist().replaceWithVoid();
    }
}
