package dev.closeloop.notification.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Browser push (Web Push with VAPID). Push is on only when both keys are set; without them the service sends
 * email alone and says so once at start.
 */
@ConfigMapping(prefix = "closeloop.push")
public interface PushConfig {

    /** The VAPID key pair that identifies this service to the browsers' push services (RFC 8292). */
    Vapid vapid();

    /**
     * How long the push service keeps an alert for a browser that is offline (the {@code TTL} header). A day
     * reaches a laptop that was closed overnight; an alert older than that is better read in the email and the
     * console than popped up late.
     */
    @WithDefault("24h")
    Duration ttl();

    /** How long one request to a push service may take before the attempt counts as failed (and is retried). */
    @WithDefault("15s")
    Duration requestTimeout();

    interface Vapid {

        /**
         * The 65-byte uncompressed P-256 public point, base64url: what the console hands the browser as
         * {@code applicationServerKey}. {@code ./closeloop vapid-keys} makes a pair.
         */
        Optional<String> publicKey();

        /** The 32-byte private scalar of the same pair, base64url. Keep it secret (a Kubernetes Secret). */
        Optional<String> privateKey();

        /** Who push services can contact about this sender: a {@code mailto:} or {@code https:} URL. */
        @WithDefault("mailto:alerts@closeloop.local")
        String subject();
    }
}
