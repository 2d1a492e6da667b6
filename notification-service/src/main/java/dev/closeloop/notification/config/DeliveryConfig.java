package dev.closeloop.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the delivery worker sends alerts and retries when the SMTP server is away. */
@ConfigMapping(prefix = "closeloop.delivery")
public interface DeliveryConfig {

    /**
     * How often the worker looks for due deliveries (new ones are also sent at once, and retries fall
     * due at their back-off time, so this bounds how late a retry can start).
     */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * Attempts before a delivery is given up as FAILED (and reported so on {@code alerts.delivered}).
     * With the default back-off, 50 attempts keep trying for about three and a half hours.
     */
    @WithDefault("50")
    int maxAttempts();

    /**
     * How long one SMTP send may take before it counts as failed. Must be shorter than {@link #lease()}.
     */
    @WithDefault("60s")
    Duration sendTimeout();

    /**
     * How long a worker owns a delivery it claimed. No other replica touches the delivery meanwhile; if
     * the worker dies mid-send, the delivery is retried once the lease lapses.
     */
    @WithDefault("5m")
    Duration lease();

    /** Delay between failed attempts. */
    Backoff backoff();

    interface Backoff {

        /** Delay after the first failed attempt. */
        @WithDefault("2s")
        Duration initial();

        /** Each further failure multiplies the delay by this. */
        @WithDefault("2")
        double multiplier();

        /** The delay never grows beyond this. */
        @WithDefault("5m")
        Duration max();
    }
}
