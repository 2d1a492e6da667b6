package dev.closeloop.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.closeloop.escalation.service.EscalationService;
import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Consumes {@code alerts.delivered}: each report becomes a timeline entry on the escalations it names. */
@ApplicationScoped
public class AlertDeliveredConsumer {

    static final String CHANNEL = "alerts-delivered-in";

    private final EscalationService service;

    public AlertDeliveredConsumer(EscalationService service) {
        this.service = service;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onAlertDelivered(String payload) {
        EventEnvelope<AlertDelivered> envelope;
        try {
            envelope = EventCodec.decode(payload, AlertDelivered.class);
        } catch (EventCodec.MalformedEventException e) {
            Log.errorf("Unreadable message on %s, left to the dead-letter address: %s", CHANNEL, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return service.recordDelivery(envelope)
                .onFailure().invoke(failure -> Log.errorf(failure,
                        "Could not record eventId=%s surveyId=%s; the broker will redeliver it",
                        envelope.eventId(), envelope.payload().surveyId()))
                .replaceWithVoid();
    }
}
