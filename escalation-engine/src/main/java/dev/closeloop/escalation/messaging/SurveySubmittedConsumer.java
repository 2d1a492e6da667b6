package dev.closeloop.escalation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.closeloop.escalation.service.EscalationService;
import dev.closeloop.escalation.service.UnknownTenantException;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.SurveySubmitted;
import dev.closeloop.platform.outbox.OutboxRelay;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code surveys.submitted}. The message is acknowledged only after the transaction that
 * stored its effects committed; any failure nacks it (modified-failed), so the broker redelivers it
 * with back-off and finally parks it on the dead-letter address, never dropping it.
 */
@ApplicationScoped
public class SurveySubmittedConsumer {

    static final String CHANNEL = "surveys-submitted-in";

    private final EscalationService service;
    private final OutboxRelay relay;

    public SurveySubmittedConsumer(EscalationService service, OutboxRelay relay) {
        this.service = service;
        this.relay = relay;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onSurveySubmitted(String payload) {
        EventEnvelope<SurveySubmitted> envelope;
        try {
            envelope = EventCodec.decode(payload, SurveySubmitted.class);
            if (envelope.payload().survey() == null || envelope.payload().survey().surveyId() == null) {
                throw new EventCodec.MalformedEventException("SurveySubmitted without a survey id", null);
            }
        } catch (EventCodec.MalformedEventException e) {
            // retrying cannot help; nacking lets the broker park it on the dead-letter address
            Log.errorf("Unreadable message on %s, left to the dead-letter address: %s", CHANNEL, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return service.raise(envelope)
                .invoke(raised -> {
                    if (!raised.isEmpty()) {
                        // committed: publish now rather than at the relay's next poll
                        relay.publishSoon();
                    }
                })
                .onFailure(UnknownTenantException.class).invoke(failure -> Log.errorf(
                        "Nobody to tell about eventId=%s: %s; the broker will redeliver it, then park it on the "
                                + "dead-letter address", envelope.eventId(), failure.getMessage()))
                .onFailure(failure -> !(failure instanceof UnknownTenantException)).invoke(failure -> Log.errorf(
                        failure, "Could not process eventId=%s surveyId=%s; the broker will redeliver it",
                        envelope.eventId(), envelope.payload().survey().surveyId()))
                .replaceWithVoid();
    }
}
