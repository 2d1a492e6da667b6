package dev.closeloop.platform.outbox;

import io.smallrye.mutiny.Uni;

/**
 * How the relay reaches the broker. Each service that publishes provides one bean, usually an
 * {@link AmqpOutboxPublisher} over its outgoing channels.
 */
public interface OutboxPublisher {

    /** Publishes the encoded envelope to the address; completes when the broker has accepted it. */
    Uni<Void> publish(String address, String aggregateId, String payload);
}
