package dev.closeloop.recording.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.closeloop.events.Channels;
import dev.closeloop.platform.outbox.AmqpOutboxPublisher;
import dev.closeloop.platform.outbox.OutboxPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Gives the outbox relay its way to the broker: {@code alerts.ready} through a durable channel. */
@ApplicationScoped
public class AlertsReadyPublisher {

    private final MutinyEmitter<String> alertsReady;

    public AlertsReadyPublisher(@Channel("alerts-ready-out") MutinyEmitter<String> alertsReady) {
        this.alertsReady = alertsReady;
    }

    @Produces
    @ApplicationScoped
    OutboxPublisher outboxPublisher() {
        return new AmqpOutboxPublisher(Map.of(Channels.ALERTS_READY, alertsReady));
    }
}
