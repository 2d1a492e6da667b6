package dev.closeloop.recording.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.platform.outbox.OutboxRelay;
import dev.closeloop.recording.service.AlertPreparation;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code escalations.raised}. The message is acknowledged only after the links and alerts
 * committed; a failure nacks it ({@code modified-failed}), so the broker redelivers with back-off and, after
 * its bounded attempts, parks it on the dead-letter address. An unreadable message takes the same road: it
 * is logged and dead-lettered, never dropped.
 */
@ApplicationScoped
public class EscalationsRaisedConsumer {

    private final AlertPreparation preparation;
    private final OutboxRelay relay;

    public EscalationsRaisedConsumer(AlertPreparation preparation, OutboxRelay relay) {
        this.preparation = preparation;
        this.relay = relay;
    }

    @Incoming("escalations-raised-in")
    public Uni<Void> onEscalationsRaised(String json) {
        EventEnvelope<EscalationsRaised> envelope;
        try {
            envelope = decode(json);
        } catch (EventCodec.MalformedEventException e) {
            Log.errorf("Unreadable message on escalations.raised, rejecting it towards the dead-letter address: %s",
                    e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return preparation.prepare(envelope)
                .invoke(enqueued -> {
                    if (enqueued > 0) {
                        // after commit: publish now rather than at the next poll; the poll is the safety net
                        relay.publishSoon();
                    }
                })
                .onFailure().invoke(failure -> Log.errorf(failure, "Could not prepare alerts for eventId=%s surveyId=%s",
                        envelope.eventId(), envelope.payload().survey().surveyId()))
                .replaceWithVoid();
    }

    static EventEnvelope<EscalationsRaised> decode(String json) {
        EventEnvelope<EscalationsRaised> envelope = EventCodec.decode(json, EscalationsRaised.class);
        if (!EscalationsRaised.TYPE.equals(envelope.type())) {
            throw new EventCodec.MalformedEventException("unexpected event type " + envelope.type(), null);
        }
        if (envelope.payload().survey() == null || envelope.payload().survey().surveyId() == null) {
            throw new EventCodec.MalformedEventException("an EscalationsRaised without its survey", null);
        }
        return envelope;
    }
}
