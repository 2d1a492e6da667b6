package dev.closeloop.recording.config;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses to start with settings that would misbehave quietly later, so an operator learns at deploy time
 * rather than from a manager whose link never worked.
 */
@ApplicationScoped
public class ConfigurationCheck {

    void onStart(@Observes StartupEvent event, RecordingsConfig recordings, LinksConfig links,
            InternalApiConfig internal,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> httpLimit) {
        if (!positive(links.ttl()) || !positive(links.maxTtl()) || !positive(links.consoleTtl())) {
            throw new IllegalStateException(
                    "closeloop.links.ttl, closeloop.links.console-ttl and closeloop.links.max-ttl must be positive");
        }
        if (internal.token().isEmpty()) {
            Log.warn("closeloop.internal.token (CLOSELOOP_INTERNAL_TOKEN) is not set: the internal API is off, so "
                    + "the escalation-engine's console cannot get recording links (it answers 404)");
        } else if (internal.token().get().strip().length() < InternalApiConfig.MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("closeloop.internal.token must be at least "
                    + InternalApiConfig.MIN_TOKEN_LENGTH + " characters (e.g. openssl rand -base64 48)");
        }
        String base = links.normalizedBaseUrl();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new IllegalStateException("closeloop.links.base-url must be an http(s) URL, not " + base);
        }
        if (recordings.maxSize().asLongValue() <= 0) {
            throw new IllegalStateException("closeloop.recordings.max-size must be positive");
        }
        if (httpLimit.isPresent() && httpLimit.get().asLongValue() <= recordings.maxSize().asLongValue()) {
            throw new IllegalStateException("closeloop.recordings.max-size (" + recordings.maxSize().asLongValue()
                    + " bytes) must be below quarkus.http.limits.max-body-size (" + httpLimit.get().asLongValue()
                    + " bytes), or uploads over the HTTP limit are refused without a problem body");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
