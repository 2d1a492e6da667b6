package dev.closeloop.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

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

    static final int MAX_ENDPOINT = 2048;
    static final int MAX_MANAGER_ID = 200;

    /**
     * What makes this change unusable, or empty when it is fine: a manager id, an https endpoint (http only for
     * localhost, where tests and local demos run their push service) and, when subscribing, the browser's keys of
     * the sizes RFC 8291 needs. The console checks it before publishing; the notification-service again on receipt.
     */
    public Optional<String> problem() {
        if (managerId == null || managerId.isBlank() || managerId.strip().length() > MAX_MANAGER_ID) {
            return Optional.of("without a manager id (or one over " + MAX_MANAGER_ID + " characters)");
        }
        Optional<String> endpointProblem = endpointProblem();
        if (endpointProblem.isPresent() || !active) {
            return endpointProblem;
        }
        Optional<byte[]> key = base64Url(p256dh);
        if (key.isEmpty() || key.get().length != 65 || key.get()[0] != 0x04) {
            return Optional.of("whose p256dh is not a 65-byte uncompressed P-256 point in base64url");
        }
        Optional<byte[]> secret = base64Url(auth);
        if (secret.isEmpty() || secret.get().length != 16) {
            return Optional.of("whose auth secret is not 16 bytes in base64url");
        }
        return Optional.empty();
    }

    private Optional<String> endpointProblem() {
        if (endpoint == null || endpoint.isBlank() || endpoint.strip().length() > MAX_ENDPOINT) {
            return Optional.of("without an endpoint (or one over " + MAX_ENDPOINT + " characters)");
        }
        URI uri;
        try {
            uri = new URI(endpoint.strip());
        } catch (URISyntaxException e) {
            return Optional.of("whose endpoint is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http") && local)) {
            return Optional.of("whose endpoint is not an https URL (http only for localhost): " + endpoint.strip());
        }
        return Optional.empty();
    }

    /** Browsers hand keys out as base64url, with or without padding. */
    private static Optional<byte[]> base64Url(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }
}
