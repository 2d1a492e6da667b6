package dev.closeloop.recording.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The time-limited recording links minted for each alert recipient and for console viewers. */
@ConfigMapping(prefix = "closeloop.links")
public interface LinksConfig {

    /**
     * How links start, as a recipient's browser reaches this service: {@code <base-url>/r/<token>}.
     * A trailing slash is ignored.
     */
    @WithDefault("http://localhost:8084")
    String baseUrl();

    /** How long a link works after it was minted. */
    @WithDefault("72h")
    Duration ttl();

    /**
     * How long a link minted for the escalation-engine's console works: the console asks for one when it
     * renders a page, and that page is looked at now, not in three days.
     */
    @WithDefault("2h")
    Duration consoleTtl();

    /** The longest any link may live, whatever {@link #ttl()} says: a safety cap against a mistyped ttl. */
    @WithDefault("30d")
    Duration maxTtl();

    /**
     * How the uses of a link are told to the escalation's timeline ({@code recordings.accessed}): one event for
     * the first use of a kind (viewed, played, refused as expired, refused as revoked), then none for uses of
     * that kind following the previous one within this gap. A player streaming a call in dozens of range
     * requests, or a page reloaded a few times, is one entry; coming back to it later is another. Every use is
     * audited whatever this says.
     */
    @WithDefault("10m")
    Duration accessEventGap();

    /** The lifetime links are minted with: {@link #ttl()} capped by {@link #maxTtl()}. */
    default Duration effectiveTtl() {
        return ttl().compareTo(maxTtl()) <= 0 ? ttl() : maxTtl();
    }

    /** The lifetime console links are minted with: {@link #consoleTtl()} capped by {@link #maxTtl()}. */
    default Duration effectiveConsoleTtl() {
        return consoleTtl().compareTo(maxTtl()) <= 0 ? consoleTtl() : maxTtl();
    }

    /** {@link #baseUrl()} without a trailing slash. */
    default String normalizedBaseUrl() {
        String url = baseUrl().strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }
}
