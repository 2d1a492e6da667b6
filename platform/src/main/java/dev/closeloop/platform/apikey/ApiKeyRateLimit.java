package dev.closeloop.platform.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.quarkus.logging.Log;

/**
 * A token bucket per API key: {@code burst} requests at once, refilled at {@code perSecond}. Buckets are
 * keyed by the key's hash, never the key, and exist only for keys that authenticated, so their number is
 * bounded by the key file. The buckets live in memory: the limit holds per replica of the service.
 */
@ApplicationScoped
public class ApiKeyRateLimit {

    private record KeyBucket(Bucket bucket, AtomicBoolean refusing) {
    }

    private final int perSecond;
    private final int burst;
    private final TimeMeter time;
    private final ConcurrentMap<String, KeyBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    ApiKeyRateLimit(ApiKeysConfig config, Clock clock) {
        this(config.rateLimit().perSecond(), config.rateLimit().burst(), clock);
    }

    ApiKeyRateLimit(int perSecond, int burst, Clock clock) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("closeloop.api-keys.rate-limit.per-second and .burst must be at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        // Timed by the injected clock, so tests move time instead of waiting for the bucket to refill.
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /**
     * Takes one request from the key's bucket.
     *
     * @return empty when the request may go on; otherwise how long until the next one fits
     */
    public Optional<Duration> tryAcquire(String tenant, String keyHash) {
        KeyBucket key = buckets.computeIfAbsent(keyHash, ignored -> new KeyBucket(newBucket(), new AtomicBoolean()));
        ConsumptionProbe probe = key.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            key.refusing().set(false);
            return Optional.empty();
        }
        // Once per spell over the limit, not once per refused request: a runaway loop must not flood the log.
        if (key.refusing().compareAndSet(false, true)) {
            Log.warnf("Tenant %s: an API key (sha256 %s…) went over its rate limit of %d/s (burst %d); refusing with 429",
                    tenant, keyHash.substring(0, 8), perSecond, burst);
        }
        return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The limit as a caller reads it in a 429 answer. */
    public String describe() {
        return perSecond + " requests per second per API key (bursts of up to " + burst + ")";
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build();
    }
}
