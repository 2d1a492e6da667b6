package dev.closeloop.notification.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * "Now" for when a delivery is due: held digests and burst windows are timed by it, so tests move it instead
 * of waiting hours. Application-scoped (a client proxy) so that a test can swap it with QuarkusMock.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
