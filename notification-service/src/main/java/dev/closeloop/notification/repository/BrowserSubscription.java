package dev.closeloop.notification.repository;

/**
 * A browser a manager subscribed to push alerts.
 *
 * @param endpoint the push service URL to POST to
 * @param p256dh   the browser's P-256 public key, base64url
 * @param auth     the browser's auth secret, base64url
 */
public record BrowserSubscription(String endpoint, String tenant, String managerId, String p256dh, String auth) {
}
