package dev.closeloop.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "closeloop.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events when nobody kicked it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events published per round. */
    @WithDefault("100")
    int batchSize();

    /** How long the broker may take to accept one event before the round stops and retries later. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** How long a relay owns the rows it claimed; a crashed relay's rows are retried after this. */
    @WithDefault("60s")
    Duration claimTimeout();
}
