package dev.closeloop.escalation.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one source of "now" for what this service writes, so that tests can set the time instead of
 * waiting for it. Application-scoped (a client proxy) so a test can swap it with QuarkusMock.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
