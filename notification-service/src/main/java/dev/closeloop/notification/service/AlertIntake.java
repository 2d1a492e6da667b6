package dev.closeloop.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.notification.Delivery;
import dev.closeloop.notification.DeliveryBatch;
import dev.closeloop.notification.DeliveryStatus;
import dev.closeloop.notification.push.WebPush;
import dev.closeloop.notification.repository.DeliveryRepository;
import dev.closeloop.notification.repository.PushSubscriptionRepository;
import dev.closeloop.platform.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Turns an AlertReady into a PENDING delivery, exactly once per (tenant, survey, recipient, channel, level), and
 * decides when it is due:
 * <ul>
 * <li>{@code holdUntil} still ahead: held until then, in the recipient's DIGEST batch.</li>
 * <li>{@code groupWithin} set: the first alert about the agent opens a burst window and is due at once; further
 * ones within the window join the agent's GROUP batch, due when the window closes.</li>
 * <li>otherwise due at once, as before.</li>
 * </ul>
 * Every recipient gets the email. A recipient whose channels include PUSH, with a browser subscribed and push
 * configured, also gets a PUSH delivery (same key, channel PUSH): held like the email when the email is held,
 * but never digested or grouped, so each alert is its own push when due.
 */
@ApplicationScoped
public class AlertIntake {

    public static final String CONSUMER = "notification-service";

    private static final int MAX_AGENT_ID = 200;

    private final ProcessedEvents processedEvents;
    private final DeliveryRepository deliveries;
    private final PushSubscriptionRepository subscriptions;
    private final WebPush push;
    private final Clock clock;

    public AlertIntake(ProcessedEvents processedEvents, DeliveryRepository deliveries,
            PushSubscriptionRepository subscriptions, WebPush push, Clock clock) {
        this.processedEvents = processedEvents;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.push = push;
        this.clock = clock;
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
            Instant now = clock.instant();
            Delivery delivery = pendingEmail(envelope, now);
            return schedule(delivery, alert.recipient(), now)
                    .flatMap(ignored -> deliveries.insertPendingIfAbsent(delivery))
                    .invoke(inserted -> logIntake(envelope, delivery, inserted))
                    .flatMap(emailInserted -> pushToo(envelope, delivery)
                            .map(pushInserted -> emailInserted || pushInserted));
        });
    }

    /** The PUSH delivery next to the email, when the recipient takes push and has a subscribed browser. */
    private Uni<Boolean> pushToo(EventEnvelope<AlertReady> envelope, Delivery email) {
        Recipient recipient = envelope.payload().recipient();
        if (!wantsPush(recipient, push.enabled())) {
            return Uni.createFrom().item(false);
        }
        return subscriptions.anyFor(email.tenant, email.managerId).flatMap(subscribed -> {
            if (!subscribed) {
                Log.infof("No browser subscribed to push for managerId=%s, email only: surveyId=%s eventId=%s",
                        email.managerId, email.surveyId, envelope.eventId());
                return Uni.createFrom().item(false);
            }
            Delivery pushed = pushBeside(email);
            return deliveries.insertPendingIfAbsent(pushed).invoke(inserted -> {
                if (inserted) {
                    Log.infof("Push delivery queued deliveryId=%s surveyId=%s escalationIds=%s eventId=%s level=%d "
                            + "managerId=%s%s", pushed.id, pushed.surveyId, escalationIds(envelope.payload()),
                            envelope.eventId(), pushed.level, pushed.managerId,
                            pushed.nextAttemptAt.isAfter(pushed.createdAt) ? ", held until " + pushed.nextAttemptAt
                                    : "");
                }
            });
        });
    }

    /** Push goes to managers who take it (their channels), only when configured; email goes to everyone. */
    static boolean wantsPush(Recipient recipient, boolean pushConfigured) {
        return pushConfigured && recipient.managerId() != null && !recipient.managerId().isBlank()
                && recipient.channels().stream().anyMatch(Delivery.PUSH::equalsIgnoreCase);
    }

    /**
     * The push twin of an email delivery: held as long as the email (a digest's hold), but never batched, so
     * each alert is its own push; due at once otherwise, also when the email waits for a burst window.
     */
    static Delivery pushBeside(Delivery email) {
        Delivery pushed = new Delivery();
        pushed.id = UUID.randomUUID();
        pushed.tenant = email.tenant;
        pushed.surveyId = email.surveyId;
        pushed.recipientEmail = email.recipientEmail;
        pushed.channel = Delivery.PUSH;
        pushed.level = email.level;
        pushed.escalationIds = email.escalationIds;
        pushed.managerId = email.managerId;
        pushed.sourceEventId = email.sourceEventId;
        pushed.alert = email.alert;
        pushed.status = DeliveryStatus.PENDING;
        pushed.agentId = email.agentId;
        pushed.createdAt = email.createdAt;
        pushed.nextAttemptAt = email.batch == DeliveryBatch.DIGEST ? email.nextAttemptAt : email.createdAt;
        return pushed;
    }

    private static void logIntake(EventEnvelope<AlertReady> envelope, Delivery delivery, boolean inserted) {
        AlertReady alert = envelope.payload();
        String surveyId = alert.survey().surveyId();
        if (!inserted) {
            Log.infof("Alert already delivered or queued for this recipient and level, nothing added: "
                    + "surveyId=%s escalationIds=%s eventId=%s level=%d", surveyId, escalationIds(alert),
                    envelope.eventId(), alert.level());
        } else if (delivery.batch != null) {
            Log.infof("Email delivery held for its %s until %s deliveryId=%s surveyId=%s escalationIds=%s eventId=%s "
                    + "level=%d agentId=%s", delivery.batch, delivery.nextAttemptAt, delivery.id, surveyId,
                    escalationIds(alert), envelope.eventId(), alert.level(), delivery.agentId);
        } else {
            Log.infof("Email delivery queued deliveryId=%s surveyId=%s escalationIds=%s eventId=%s level=%d%s",
                    delivery.id, surveyId, escalationIds(alert), envelope.eventId(), alert.level(),
                    delivery.groupWindowEndsAt == null ? ""
                            : " agentId=" + delivery.agentId + ", opens a burst window until "
                                    + delivery.groupWindowEndsAt);
        }
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

    /** Sets when the delivery is due, and its batch; looks for an open burst window only when grouping applies. */
    private Uni<Void> schedule(Delivery delivery, Recipient recipient, Instant now) {
        if (recipient.holdUntil() != null && recipient.holdUntil().isAfter(now)) {
            // a hold wins over grouping: the digest already brings everything held together
            delivery.batch = DeliveryBatch.DIGEST;
            delivery.nextAttemptAt = recipient.holdUntil();
            return Uni.createFrom().voidItem();
        }
        Duration within = recipient.groupWithin();
        if (within == null || within.isNegative() || within.isZero() || delivery.agentId == null) {
            return Uni.createFrom().voidItem();
        }
        return deliveries.lockGroupWindow(delivery.tenant, delivery.recipientEmail, delivery.channel, delivery.agentId)
                .flatMap(locked -> deliveries.openGroupWindowEnd(delivery.tenant, delivery.recipientEmail,
                        delivery.channel, delivery.agentId, now))
                .invoke(windowEnd -> {
                    if (windowEnd == null) {
                        delivery.groupWindowEndsAt = now.plus(within);
                    } else {
                        // one committed just after the worker claimed the closing window's batch is sent a poll
                        // later, as a grouped email of its own: late, never lost
                        delivery.batch = DeliveryBatch.GROUP;
                        delivery.nextAttemptAt = windowEnd;
                    }
                })
                .replaceWithVoid();
    }

    private static Delivery pendingEmail(EventEnvelope<AlertReady> envelope, Instant now) {
        AlertReady alert = envelope.payload();
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.tenant = envelope.tenant();
        delivery.surveyId = alert.survey().surveyId();
        delivery.recipientEmail = alert.recipient().email().strip().toLowerCase(Locale.ROOT);
        // every recipient gets the email, so no alert is dropped for want of a channel
        delivery.channel = Delivery.EMAIL;
        delivery.level = alert.level();
        delivery.escalationIds = alert.escalations().stream().map(RaisedEscalation::escalationId).sorted()
                .collect(Collectors.joining(","));
        delivery.managerId = alert.recipient().managerId();
        delivery.sourceEventId = envelope.eventId();
        delivery.alert = EventCodec.encode(envelope);
        delivery.status = DeliveryStatus.PENDING;
        delivery.agentId = agentIdOf(alert.survey());
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        return delivery;
    }

    private static String agentIdOf(Survey survey) {
        String id = survey.agent() == null ? null : survey.agent().id();
        if (id == null || id.isBlank()) {
            return null;
        }
        String stripped = id.strip();
        return stripped.length() <= MAX_AGENT_ID ? stripped : stripped.substring(0, MAX_AGENT_ID);
    }
}
