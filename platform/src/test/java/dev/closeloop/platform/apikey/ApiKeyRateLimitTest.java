package dev.closeloop.platform.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.closeloop.localstack.testing.MovableClock;

class ApiKeyRateLimitTest {

    private static final String A = TenantApiKeys.hash("key-a");
    private static final String OLD = TenantApiKeys.hash("acme-old");
    private static final String NEW = TenantApiKeys.hash("acme-new");
    private static final String GLOBEX = TenantApiKeys.hash("globex-key");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

    @Test
    void aKeyMayBurstThenIsRefusedWithTheWaitUntilItsNextRequest() {
        ApiKeyRateLimit limit = new ApiKeyRateLimit(2, 5, clock);

        for (int i = 0; i < 5; i++) {
            assertThat(limit.tryAcquire("acme", A)).as("request %d of the burst", i + 1).isEmpty();
        }
        Optional<Duration> wait = limit.tryAcquire("acme", A);

        assertThat(wait).contains(Duration.ofMillis(500));
    }

    @Test
    void aRefusedKeyRecoversAfterTheWait() {
        ApiKeyRateLimit limit = new ApiKeyRateLimit(1, 1, clock);
        assertThat(limit.tryAcquire("acme", A)).isEmpty();
        Duration wait = limit.tryAcquire("acme", A).orElseThrow();

        clock.advance(wait.minusMillis(1));
        assertThat(limit.tryAcquire("acme", A)).as("just before the wait is over").isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(limit.tryAcquire("acme", A)).isEmpty();
    }

    @Test
    void theSustainedRateIsLetThrough() {
        ApiKeyRateLimit limit = new ApiKeyRateLimit(20, 1, clock);

        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofMillis(50));
            assertThat(limit.tryAcquire("acme", A)).as("request %d at 20/s", i + 1).isEmpty();
        }
    }

    @Test
    void eachKeyHasItsOwnBucketSoARotationOverlapDoesNotShareIt() {
        ApiKeyRateLimit limit = new ApiKeyRateLimit(1, 1, clock);
        assertThat(limit.tryAcquire("acme", OLD)).isEmpty();
        assertThat(limit.tryAcquire("acme", OLD)).isPresent();

        assertThat(limit.tryAcquire("acme", NEW)).isEmpty();
        assertThat(limit.tryAcquire("globex", GLOBEX)).isEmpty();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(TenantApiKeyFilter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(TenantApiKeyFilter.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(TenantApiKeyFilter.retryAfterSeconds(Duration.ofMillis(1_001))).isEqualTo(2);
        assertThat(TenantApiKeyFilter.retryAfterSeconds(Duration.ofSeconds(3))).isEqualTo(3);
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new ApiKeyRateLimit(0, 10, clock)).hasMessageContaining("per-second");
    }
}
