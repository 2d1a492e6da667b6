package dev.closeloop.notification.service;

import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.notification.Delivery;
import dev.closeloop.notification.DeliveryStatus;
import dev.closeloop.notification.repository.DeliveryRepository;
import dev.closeloop.platform.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** Turns an AlertReady into a PENDING delivery, exactly once per (tenant, survey, recipient, channel, level). */
@ApplicationScoped
public class AlertIntake {

    public static final String CONSUMER = "notification-service";

    private final ProcessedEvents processedEvents;
    private final DeliveryRepository deliveries;

    public AlertIntake(ProcessedEvents processedEvents, DeliveryRepository deliveries) {
        this.processedEvents = processedEvents;
        this.deliveries = deliveries;
    }

    /**
     * Records the delivery and the event as processed in one transaction. A redelivered event (same
     * eventId) and a re-published alert (new eventId, same key) both add nothing.
     *
     * @return true when a new delivery was recorded, so the worker has something to send
     */
    @WithTransaction
    public Uni<Boolean> accept(EventEnvelope<AlertReady> envelope) {
        AlertReady alert = envelope.payload();
        String surveyId = alert.survey().surveyId();
        return processedEvents.markFirstProcessing(envelope.eventId(), CONSUMER).flatMap(first -> {
            if (!first) {
                Log.infof("Skipping redelivered AlertReady eventId=%s surveyId=%s", envelope.eventId(), surveyId);
                return Uni.createFrom().item(false);
            }
            Delivery delivery = pendingEmail(envelope);
            return deliveries.insertPendingIfAbsent(delivery).invoke(inserted -> {
                if (inserted) {
                    Log.infof("Email delivery queued deliveryId=%s surveyId=%s escalationIds=%s eventId=%s level=%d",
                            delivery.id, surveyId, escalationIds(alert), envelope.eventId(), alert.level());
                } else {
                    Log.infof("Alert already delivered or queued for this recipient and level, nothing added: "
                            + "surveyId=%s escalationIds=%s eventId=%s level=%d", surveyId, escalationIds(alert),
                            envelope.eventId(), alert.level());
                }
            });
        });
    }

    /** The payload must name a survey and a recipient with an email, or it can never be delivered. */
    public static void validate(EventEnvelope<AlertReady> envelope) {
        AlertReady alert = envelope.payload();
        if (alert.survey() == null || alert.survey().surveyId() == null || alert.survey().surveyId().isBlank()) {
            throw new EventCodec.MalformedEventException("AlertReady without a survey id", null);
        }
        if (alert.recipient() == null || alert.recipient().email() == null || alert.recipient().email().isBlank()) {
            throw new EventCodec.MalformedEventException("AlertReady without a recipient email", null);
        }
    }

    static String escalationIds(AlertReady alert) {
        return String.join(",", alert.escalations().stream().map(e -> e.escalationId()).toList());
    }

    private static Delivery pendingEmail(EventEnvelope<AlertReady> envelope) {
        AlertReady alert = envelope.payload();
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.tenant = envelope.tenant();
        delivery.surveyId = alert.survey().surveyId();
        delivery.recipientEmail = alert.recipient().email().strip().toLowerCase(Locale.ROOT);
        // email is the only channel so far: every recipient gets it, so no alert is dropped for want of one
        delivery.channel = Delivery.EMAIL;
        delivery.level = alert.level();
        delivery.escalationIds = alert.escalations().stream().map(RaisedEscalation::escalationId).sorted()
                .collect(Collectors.joining(","));
        delivery.managerId = alert.recipient().managerId();
        delivery.sourceEventId = envelope.eventId();
        delivery.alert = EventCodec.encode(envelope);
        delivery.status = DeliveryStatus.PENDING;
        return delivery;
    }
}
