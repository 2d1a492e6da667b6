package dev.closeloop.platform.apikey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The tenant API keys of the services the telephony platform calls (survey-intake, recording-service). */
@ConfigMapping(prefix = "closeloop.api-keys")
public interface ApiKeysConfig {

    /**
     * The key file, one {@code tenant:sha256-hex} line per active key. Absent in the services that take no
     * tenant API key.
     */
    Optional<Path> file();

    /**
     * How often, at most, a request looks whether the key file changed (a Kubernetes Secret is updated in
     * place), so a rotated key works without a restart.
     */
    @WithDefault("10s")
    Duration reloadInterval();

    /** Requests each key may make, per replica of the service. */
    RateLimit rateLimit();

    interface RateLimit {

        /**
         * Sustained requests per second per key. 20/s is 72,000 an hour: far above a telephony platform
         * posting thousands of surveys (and their recordings) an hour, far below a runaway retry loop.
         */
        @WithDefault("20")
        int perSecond();

        /** Requests a key may make at once after a quiet spell, e.g. a backlog sent after an outage. */
        @WithDefault("200")
        int burst();
    }
}
