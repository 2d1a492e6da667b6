package dev.closeloop.recording.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.closeloop.events.Channels;
import dev.closeloop.platform.outbox.AmqpOutboxPublisher;
import dev.closeloop.platform.outbox.OutboxPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Gives the outbox relay its way to the broker: {@code alerts.ready} and {@code recordings.accessed}, each
 * through its durable channel.
 */
@ApplicationScoped
public class OutgoingChannels {

    static final String ALERTS_READY_OUT = "alerts-ready-out";
    static final String RECORDINGS_ACCESSED_OUT = "recordings-accessed-out";

    private final MutinyEmitter<String> alertsReady;
    private final MutinyEmitter<String> recordingsAccessed;

    public OutgoingChannels(@Channel(ALERTS_READY_OUT) MutinyEmitter<String> alertsReady,
            @Channel(RECORDINGS_ACCESSED_OUT) MutinyEmitter<String> recordingsAccessed) {
        this.alertsReady = alertsReady;
        this.recordingsAccessed = recordingsAccessed;
    }

    @Produces
    @ApplicationScoped
    OutboxPublisher outboxPublisher() {
        return new AmqpOutboxPublisher(Map.of(Channels.ALERTS_READY, alertsReady,
                Channels.RECORDINGS_ACCESSED, recordingsAccessed));
    }
}
