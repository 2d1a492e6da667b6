package dev.closeloop.events;

/**
 * Published by the escalation-engine when a manager subscribes a browser to push alerts in the console, or
 * unsubscribes it; the notification-service keeps the subscriptions it pushes to. The tenant and when the change
 * happened are on the envelope (aggregateId = managerId); a change older than the one already recorded for the
 * endpoint is ignored, so the order messages arrive in does not matter.
 *
 * @param managerId directory id of the manager the browser belongs to
 * @param endpoint  the push service URL of the subscription ({@code PushSubscription.endpoint}), unique per browser
 * @param p256dh    the browser's public key, base64url as in {@code PushSubscription.toJSON().keys.p256dh}
 *                  (an uncompressed P-256 point, 65 bytes)
 * @param auth      the browser's auth secret, base64url as in {@code toJSON().keys.auth} (16 bytes)
 * @param active    true when subscribed; false when the browser unsubscribed (the keys may then be null)
 */
public record PushSubscriptionChanged(String managerId, String endpoint, String p256dh, String auth, boolean active)
        implements EventPayload {

    public static final String TYPE = "PushSubscriptionChanged.v1";

    @Override
    public String eventType() {
        return TYPE;
    }
}
