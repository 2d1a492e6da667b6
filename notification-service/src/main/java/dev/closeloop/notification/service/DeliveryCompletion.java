package dev.closeloop.notification.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.AlertDelivered;
import dev.closeloop.events.AlertReady;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.notification.Delivery;
import dev.closeloop.notification.RetrySchedule;
import dev.closeloop.notification.config.DeliveryConfig;
import dev.closeloop.notification.repository.ClaimedDelivery;
import dev.closeloop.notification.repository.DeliveryRepository;
import dev.closeloop.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Records the outcome of one attempt. The delivery's new state and the AlertDelivered that announces a
 * final outcome commit in one transaction, so the engine hears of every SENT or FAILED delivery, once.
 * Only the claim that owns the delivery can complete it: a worker whose lease lapsed changes nothing.
 */
@ApplicationScoped
public class DeliveryCompletion {

    private final DeliveryRepository deliveries;
    private final Outbox outbox;
    private final DeliveryConfig config;
    private final RetrySchedule retrySchedule;

    public DeliveryCompletion(DeliveryRepository deliveries, Outbox outbox, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.config = config;
        this.retrySchedule = new RetrySchedule(config.backoff().initial(), config.backoff().multiplier(),
                config.backoff().max());
    }

    /**
     * The SMTP server accepted the email.
     *
     * @return true when an AlertDelivered was enqueued (kick the relay after commit)
     */
    @WithTransaction
    public Uni<Boolean> markSent(ClaimedDelivery claimed, AlertReady alert) {
        int attempts = claimed.attemptsBefore() + 1;
        return deliveries.markSent(claimed).flatMap(updated -> {
            if (!updated) {
                Log.warnf("Email sent but the claim had lapsed, another worker owns it: deliveryId=%s surveyId=%s",
                        claimed.id(), claimed.surveyId());
                return Uni.createFrom().item(false);
            }
            Log.infof("Email sent deliveryId=%s surveyId=%s escalationIds=%s level=%d attempts=%d",
                    claimed.id(), claimed.surveyId(), String.join(",", escalationIds(alert)), claimed.level(),
                    attempts);
            return outbox.enqueue(Channels.ALERTS_DELIVERED, delivered(claimed, alert, AlertDelivered.SENT, attempts))
                    .replaceWith(true);
        });
    }

    /**
     * The attempt failed: due again after the back-off, or given up as FAILED after the last attempt.
     *
     * @param alert null when the stored alert could not even be read
     * @return true when an AlertDelivered FAILED was enqueued (kick the relay after commit)
     */
    @WithTransaction
    public Uni<Boolean> recordFailure(ClaimedDelivery claimed, AlertReady alert, Throwable failure) {
        int attempts = claimed.attemptsBefore() + 1;
        String error = String.valueOf(failure);
        if (attempts >= config.maxAttempts()) {
            return deliveries.markFailed(claimed, error).flatMap(updated -> {
                if (!updated) {
                    return Uni.createFrom().item(false);
                }
                Log.errorf("Email delivery FAILED after %d attempts, giving up: deliveryId=%s surveyId=%s "
                        + "escalationIds=%s: %s", attempts, claimed.id(), claimed.surveyId(),
                        String.join(",", escalationIds(alert)), error);
                return outbox.enqueue(Channels.ALERTS_DELIVERED,
                        delivered(claimed, alert, AlertDelivered.FAILED, attempts)).replaceWith(true);
            });
        }
        Duration delay = retrySchedule.delayAfter(attempts);
        return deliveries.reschedule(claimed, delay, error).invoke(updated -> {
            if (updated) {
                Log.warnf("Email not sent (attempt %d of %d), retrying in %s: deliveryId=%s surveyId=%s: %s",
                        attempts, config.maxAttempts(), delay, claimed.id(), claimed.surveyId(), error);
            }
        }).replaceWith(false);
    }

    private static EventEnvelope<AlertDelivered> delivered(ClaimedDelivery claimed, AlertReady alert, String status,
            int attempts) {
        String recipientEmail = alert == null ? claimed.recipientEmail() : alert.recipient().email();
        Instant now = Instant.now();
        return EventEnvelope.of(claimed.tenant(), claimed.surveyId(), now,
                new AlertDelivered(claimed.surveyId(), escalationIds(alert), claimed.managerId(), recipientEmail,
                        Delivery.EMAIL, claimed.level(), status, attempts, now));
    }

    private static List<String> escalationIds(AlertReady alert) {
        return alert == null ? List.of() : alert.escalations().stream().map(RaisedEscalation::escalationId).toList();
    }
}
