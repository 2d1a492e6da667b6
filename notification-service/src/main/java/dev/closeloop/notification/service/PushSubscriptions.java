package dev.closeloop.notification.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.PushSubscriptionChanged;
import dev.closeloop.notification.repository.BrowserSubscription;
import dev.closeloop.notification.repository.PushSubscriptionRepository;
import dev.closeloop.platform.inbox.ProcessedEvents;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the browsers managers subscribed in the console: one row per endpoint, written or deleted once per
 * event, and never set back by an event older than the change it holds (the envelope's occurredAt).
 */
@ApplicationScoped
public class PushSubscriptions {

    static final String CONSUMER = "notification-service.push-subscriptions";

    private final ProcessedEvents processedEvents;
    private final PushSubscriptionRepository subscriptions;
    private final Clock clock;

    public PushSubscriptions(ProcessedEvents processedEvents, PushSubscriptionRepository subscriptions, Clock clock) {
        this.processedEvents = processedEvents;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Applies the change and marks the event processed, in one transaction; a redelivered event changes nothing. */
    @WithTransaction
    public Uni<Void> apply(EventEnvelope<PushSubscriptionChanged> envelope) {
        PushSubscriptionChanged change = envelope.payload();
        return processedEvents.markFirstProcessing(envelope.eventId(), CONSUMER).flatMap(first -> {
            if (!first) {
                Log.infof("Skipping redelivered PushSubscriptionChanged eventId=%s managerId=%s", envelope.eventId(),
                        change.managerId());
                return Uni.createFrom().voidItem();
            }
            String endpoint = change.endpoint().strip();
            if (!change.active()) {
                return subscriptions.deleteIfNotNewer(endpoint, envelope.occurredAt())
                        .invoke(deleted -> Log.infof("Browser unsubscribed from push%s: managerId=%s tenant=%s "
                                + "endpoint=%s eventId=%s", deleted ? "" : " (nothing to remove, or a newer change "
                                        + "is recorded)", change.managerId(), envelope.tenant(), endpoint,
                                envelope.eventId()))
                        .replaceWithVoid();
            }
            BrowserSubscription subscription = new BrowserSubscription(endpoint, envelope.tenant(),
                    change.managerId().strip(), change.p256dh().strip(), change.auth().strip());
            return subscriptions.upsertIfNewer(subscription, envelope.occurredAt(), clock.instant())
                    .invoke(written -> Log.infof("Browser %s: managerId=%s tenant=%s endpoint=%s eventId=%s",
                            written ? "subscribed to push" : "subscription ignored, a newer change is recorded",
                            change.managerId(), envelope.tenant(), endpoint, envelope.eventId()))
                    .replaceWithVoid();
        });
    }

    /**
     * A subscription the console should never have published ({@link PushSubscriptionChanged#problem()}).
     *
     * @throws EventCodec.MalformedEventException naming what is wrong; retrying cannot help
     */
    public static void validate(EventEnvelope<PushSubscriptionChanged> envelope) {
        envelope.payload().problem().ifPresent(problem -> {
            throw malformed(problem);
        });
    }

    private static EventCodec.MalformedEventException malformed(String what) {
        return new EventCodec.MalformedEventException("PushSubscriptionChanged " + what, null);
    }
}
