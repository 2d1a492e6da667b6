package dev.closeloop.escalation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The one-tap action links of the alert email. */
@ConfigMapping(prefix = "closeloop.action-links")
public interface ActionLinksConfig {

    /**
     * The HMAC-SHA256 key that signs action links, at least 32 bytes (env
     * {@code CLOSELOOP_ACTION_LINKS_SECRET}; the {@code closeloop-action-links} Secret in Kubernetes).
     * Every replica needs the same one; changing it voids every link sent so far. No default outside dev
     * and test: a service must never sign with a key that is in the repository.
     */
    String secret();

    /** How long a link works after the alert was raised; the console works after that. */
    @WithDefault("P3D")
    Duration validFor();

    /**
     * Whether the page a link opens acknowledges by itself (a tiny script submits the form) or waits for
     * the button. Turn it off where the mail security opens links in a browser that runs scripts: such a
     * scanner would otherwise acknowledge on the recipient's behalf.
     */
    @WithDefault("true")
    boolean autoSubmit();
}
