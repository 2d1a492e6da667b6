package dev.closeloop.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.notification.service.AlertIntake;
import dev.closeloop.notification.service.DeliveryWorker;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code alerts.ready}. The message is acknowledged once the delivery is committed; a failure
 * nacks it (modified-failed), so the broker redelivers it with back-off and finally dead-letters it.
 */
@ApplicationScoped
public class AlertReadyConsumer {

    private final AlertIntake intake;
    private final DeliveryWorker worker;

    public AlertReadyConsumer(AlertIntake intake, DeliveryWorker worker) {
        this.intake = intake;
        this.worker = worker;
    }

    @Incoming("alerts-ready-in")
    public Uni<Void> onAlertReady(String json) {
        EventEnvelope<AlertReady> envelope;
        try {
            envelope = EventCodec.decode(json, AlertReady.class);
            AlertIntake.validate(envelope);
        } catch (EventCodec.MalformedEventException e) {
            // retrying cannot help; failing hands it to the broker, which dead-letters it after its retries
            Log.errorf("Malformed message on alerts.ready, it will be dead-lettered: %s (%s)", e.getMessage(),
                    e.getCause() == null ? "invalid content" : e.getCause().getMessage());
            return Uni.createFrom().failure(e);
        }
        return intake.accept(envelope)
                .invoke(created -> {
                    if (created) {
                        worker.kick();
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Could not record AlertReady eventId=%s surveyId=%s, "
                        + "the broker will redeliver it: %s", envelope.eventId(),
                        envelope.payload().survey().surveyId(), failure.toString()))
                .replaceWithVoid();
    }
}
