package dev.closeloop.escalation.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.closeloop.events.Channels;
import dev.closeloop.platform.outbox.AmqpOutboxPublisher;
import dev.closeloop.platform.outbox.OutboxPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Where the outbox relay publishes: {@code escalations.raised} through its durable channel. */
@ApplicationScoped
public class OutgoingChannels {

    static final String ESCALATIONS_RAISED_OUT = "escalations-raised-out";

    private final MutinyEmitter<String> escalationsRaised;

    public OutgoingChannels(@Channel(ESCALATIONS_RAISED_OUT) MutinyEmitter<String> escalationsRaised) {
        this.escalationsRaised = escalationsRaised;
    }

    @Produces
    @ApplicationScoped
    OutboxPublisher outboxPublisher() {
        return new AmqpOutboxPublisher(Map.of(Channels.ESCALATIONS_RAISED, escalationsRaised));
    }
}
