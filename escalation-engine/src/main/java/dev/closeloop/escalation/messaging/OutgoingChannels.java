package dev.closeloop.escalation.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.closeloop.events.Channels;
import dev.closeloop.platform.outbox.AmqpOutboxPublisher;
import dev.closeloop.platform.outbox.OutboxPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Where the outbox relay publishes: {@code escalations.raised} and {@code push.subscriptions}, durable. */
@ApplicationScoped
public class OutgoingChannels {

    static final String ESCALATIONS_RAISED_OUT = "escalations-raised-out";
    static final String PUSH_SUBSCRIPTIONS_OUT = "push-subscriptions-out";

    private final MutinyEmitter<String> escalationsRaised;
    private final MutinyEmitter<String> pushSubscriptions;

    public OutgoingChannels(@Channel(ESCALATIONS_RAISED_OUT) MutinyEmitter<String> escalationsRaised,
            @Channel(PUSH_SUBSCRIPTIONS_OUT) MutinyEmitter<String> pushSubscriptions) {
        this.escalationsRaised = escalationsRaised;
        this.pushSubscriptions = pushSubscriptions;
    }

    @Produces
    @ApplicationScoped
    OutboxPublisher outboxPublisher() {
        return new AmqpOutboxPublisher(Map.of(Channels.ESCALATIONS_RAISED, escalationsRaised,
                Channels.PUSH_SUBSCRIPTIONS, pushSubscriptions));
    }
}
