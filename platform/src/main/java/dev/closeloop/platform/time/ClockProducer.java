package dev.closeloop.platform.time;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one source of "now" for every service: SLA deadlines, held digests and burst windows are timed by it,
 * so tests set the time instead of waiting for it. Application-scoped (a client proxy) so that a test can
 * swap it with QuarkusMock.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
