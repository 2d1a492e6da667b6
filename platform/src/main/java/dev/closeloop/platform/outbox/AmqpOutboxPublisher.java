package dev.closeloop.platform.outbox;

import java.util.Map;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.amqp.OutgoingAmqpMetadata;

/**
 * Publishes through one {@link MutinyEmitter} per address. The emitter's channel must be configured
 * {@code durable=true}; the returned {@link Uni} completes when the broker has settled the message.
 */
public class AmqpOutboxPublisher implements OutboxPublisher {

    private final Map<String, MutinyEmitter<String>> emittersByAddress;

    public AmqpOutboxPublisher(Map<String, MutinyEmitter<String>> emittersByAddress) {
        this.emittersByAddress = Map.copyOf(emittersByAddress);
    }

    @Override
    public Uni<Void> publish(String address, String aggregateId, String payload) {
        MutinyEmitter<String> emitter = emittersByAddress.get(address);
        if (emitter == null) {
            return Uni.createFrom().failure(new IllegalStateException("no outgoing channel for address " + address));
        }
        OutgoingAmqpMetadata metadata = OutgoingAmqpMetadata.builder()
                .withDurable(true)
                .withContentType("application/json")
                .withSubject(aggregateId)
                .build();
        return emitter.sendMessage(Message.of(payload).addMetadata(metadata));
    }
}
