package dev.closeloop.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

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
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Records the outcome of one attempt at one email (a single delivery, or every delivery of a batch sent as
 * that email) or one push (a single delivery, to every browser of its manager). The deliveries' new state and the AlertDelivered that announces each final outcome (one per
 * delivery, so every escalation's timeline hears of it) commit in one transaction, so the engine hears of
 * every SENT or FAILED delivery, once. Only the claim that owns a delivery can complete it: a worker whose
 * lease lapsed changes nothing.
 */
@ApplicationScoped
public class DeliveryCompletion {

    private final DeliveryRepository deliveries;
    private final Outbox outbox;
    private final DeliveryConfig config;
    private final RetrySchedule retrySchedule;
    private final Clock clock;

    public DeliveryCompletion(DeliveryRepository deliveries, Outbox outbox, DeliveryConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.retrySchedule = new RetrySchedule(config.backoff().initial(), config.backoff().multiplier(),
                config.backoff().max());
    }

    /**
     * The SMTP server accepted the email, or a push service the push.
     *
     * @return true when an AlertDelivered was enqueued (kick the relay after commit)
     */
    @WithTransaction
    public Uni<Boolean> markSent(List<Outgoing> email) {
        Instant now = clock.instant();
        return eachOf(email, outgoing -> markSent(outgoing, now));
    }

    /**
     * The attempt failed: due again after the back-off, or given up as FAILED after the last attempt. A batch
     * is rescheduled as a whole, after the back-off of its most tried delivery, so that it stays one email.
     *
     * @return true when an AlertDelivered FAILED was enqueued (kick the relay after commit)
     */
    @WithTransaction
    public Uni<Boolean> recordFailure(List<Outgoing> email, Throwable failure) {
        Instant now = clock.instant();
        int mostAttempts = email.stream().mapToInt(o -> o.claimed().attemptsBefore() + 1).max().orElse(1);
        Instant dueAgainAt = now.plus(retrySchedule.delayAfter(mostAttempts));
        return eachOf(email, outgoing -> recordFailure(outgoing, String.valueOf(failure), now, dueAgainAt));
    }

    /**
     * The attempt failed in a way no retry can mend (every browser of the manager is gone): FAILED now, whatever
     * attempts are left.
     *
     * @return true when an AlertDelivered FAILED was enqueued (kick the relay after commit)
     */
    @WithTransaction
    public Uni<Boolean> giveUp(List<Outgoing> deliveries, String reason) {
        Instant now = clock.instant();
        return eachOf(deliveries, outgoing -> markFailed(outgoing, reason, now));
    }

    private Uni<Boolean> markSent(Outgoing outgoing, Instant now) {
        ClaimedDelivery claimed = outgoing.claimed();
        int attempts = claimed.attemptsBefore() + 1;
        return deliveries.markSent(claimed, now).flatMap(updated -> {
            if (!updated) {
                Log.warnf("%s sent but the claim had lapsed, another worker owns it: deliveryId=%s surveyId=%s",
                        what(claimed), claimed.id(), claimed.surveyId());
                return Uni.createFrom().item(false);
            }
            Log.infof("%s sent deliveryId=%s surveyId=%s escalationIds=%s level=%d attempts=%d%s",
                    what(claimed), claimed.id(), claimed.surveyId(), String.join(",", escalationIds(outgoing.alert())),
                    claimed.level(), attempts, claimed.batch() == null ? "" : " in a " + claimed.batch());
            return outbox.enqueue(Channels.ALERTS_DELIVERED,
                    delivered(outgoing, AlertDelivered.SENT, attempts, now)).replaceWith(true);
        });
    }

    private Uni<Boolean> recordFailure(Outgoing outgoing, String error, Instant now, Instant dueAgainAt) {
        ClaimedDelivery claimed = outgoing.claimed();
        int attempts = claimed.attemptsBefore() + 1;
        if (attempts >= config.maxAttempts()) {
            return markFailed(outgoing, error, now);
        }
        return deliveries.reschedule(claimed, dueAgainAt, error).invoke(updated -> {
            if (updated) {
                Log.warnf("%s not sent (attempt %d of %d), retrying in %s: deliveryId=%s surveyId=%s: %s",
                        what(claimed), attempts, config.maxAttempts(), Duration.between(now, dueAgainAt),
                        claimed.id(), claimed.surveyId(), error);
            }
        }).replaceWith(false);
    }

    private Uni<Boolean> markFailed(Outgoing outgoing, String error, Instant now) {
        ClaimedDelivery claimed = outgoing.claimed();
        int attempts = claimed.attemptsBefore() + 1;
        return deliveries.markFailed(claimed, error, now).flatMap(updated -> {
            if (!updated) {
                return Uni.createFrom().item(false);
            }
            Log.errorf("%s delivery FAILED after %d attempts, giving up: deliveryId=%s surveyId=%s "
                    + "escalationIds=%s: %s", what(claimed), attempts, claimed.id(), claimed.surveyId(),
                    String.join(",", escalationIds(outgoing.alert())), error);
            return outbox.enqueue(Channels.ALERTS_DELIVERED,
                    delivered(outgoing, AlertDelivered.FAILED, attempts, now)).replaceWith(true);
        });
    }

    private static String what(ClaimedDelivery claimed) {
        return Delivery.PUSH.equals(claimed.channel()) ? "Push" : "Email";
    }

    /** One after the other: the deliveries share this transaction's session, which takes one query at a time. */
    private static Uni<Boolean> eachOf(List<Outgoing> email, Function<Outgoing, Uni<Boolean>> step) {
        return Multi.createFrom().iterable(email)
                .onItem().transformToUniAndConcatenate(step::apply)
                .collect().asList()
                .map(enqueued -> enqueued.contains(true));
    }

    private static EventEnvelope<AlertDelivered> delivered(Outgoing outgoing, String status, int attempts,
            Instant now) {
        ClaimedDelivery claimed = outgoing.claimed();
        AlertReady alert = outgoing.alert();
        String recipientEmail = alert == null ? claimed.recipientEmail() : alert.recipient().email();
        return EventEnvelope.of(claimed.tenant(), claimed.surveyId(), now,
                new AlertDelivered(claimed.surveyId(), escalationIds(alert), claimed.managerId(), recipientEmail,
                        claimed.channel(), claimed.level(), status, attempts, now));
    }

    private static List<String> escalationIds(AlertReady alert) {
        return alert == null ? List.of() : alert.escalations().stream().map(RaisedEscalation::escalationId).toList();
    }
}
