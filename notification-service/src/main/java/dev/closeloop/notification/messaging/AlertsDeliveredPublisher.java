package dev.closeloop.notification.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.closeloop.events.Channels;
import dev.closeloop.platform.outbox.AmqpOutboxPublisher;
import dev.closeloop.platform.outbox.OutboxPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Gives the outbox relay its way out: {@code alerts.delivered} through the durable channel. */
@ApplicationScoped
public class AlertsDeliveredPublisher {

    @Produces
    @ApplicationScoped
    OutboxPublisher outboxPublisher(@Channel("alerts-delivered-out") MutinyEmitter<String> alertsDelivered) {
        return new AmqpOutboxPublisher(Map.of(Channels.ALERTS_DELIVERED, alertsDelivered));
    }
}
