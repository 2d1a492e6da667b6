package dev.closeloop.notification.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.EventCodec;
import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.PushSubscriptionChanged;
import dev.closeloop.notification.push.Base64Url;
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

    private static final int MAX_ENDPOINT = 2048;
    private static final int MAX_MANAGER_ID = 200;

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
     * A subscription names a manager and an https endpoint (http only on this machine, for tests and the local
     * demo) and, when active, the browser's keys: p256dh a 65-byte uncompressed P-256 point and auth 16 bytes,
     * both base64url.
     *
     * @throws EventCodec.MalformedEventException naming what is wrong; retrying cannot help
     */
    public static void validate(EventEnvelope<PushSubscriptionChanged> envelope) {
        PushSubscriptionChanged change = envelope.payload();
        if (change.managerId() == null || change.managerId().isBlank()
                || change.managerId().strip().length() > MAX_MANAGER_ID) {
            throw malformed("without a manager id (or one over " + MAX_MANAGER_ID + " characters)");
        }
        validateEndpoint(change.endpoint());
        if (!change.active()) {
            return;
        }
        try {
            byte[] p256dh = Base64Url.decode(change.p256dh(), "p256dh");
            if (p256dh.length != 65 || p256dh[0] != 0x04) {
                throw malformed("whose p256dh is not a 65-byte uncompressed P-256 point (" + p256dh.length + " bytes)");
            }
            byte[] auth = Base64Url.decode(change.auth(), "auth");
            if (auth.length != 16) {
                throw malformed("whose auth secret is not 16 bytes (" + auth.length + " bytes)");
            }
        } catch (IllegalArgumentException e) {
            throw malformed("whose " + e.getMessage());
        }
    }

    private static void validateEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank() || endpoint.strip().length() > MAX_ENDPOINT) {
            throw malformed("without an endpoint (or one over " + MAX_ENDPOINT + " characters)");
        }
        URI uri;
        try {
            uri = new URI(endpoint.strip());
        } catch (URISyntaxException e) {
            throw malformed("whose endpoint is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http") && local)) {
            throw malformed("whose endpoint is not an https URL (http only for localhost): " + endpoint.strip());
        }
    }

    private static EventCodec.MalformedEventException malformed(String what) {
        return new EventCodec.MalformedEventException("PushSubscriptionChanged " + what, null);
    }
}
