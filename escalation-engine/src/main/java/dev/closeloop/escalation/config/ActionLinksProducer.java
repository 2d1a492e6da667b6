package dev.closeloop.escalation.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.closeloop.escalation.actions.ActionLinks;
import io.quarkus.runtime.Startup;

/** Builds the action links once, at start-up, so that a missing or short secret stops the service at once. */
@ApplicationScoped
public class ActionLinksProducer {

    @Produces
    @Singleton
    @Startup
    ActionLinks actionLinks(ActionLinksConfig config, PublicUrlConfig publicUrl, Clock clock) {
        try {
            return new ActionLinks(config.secret(), config.validFor(), publicUrl.value(), clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("closeloop.action-links.secret / closeloop.public-url "
                    + "(CLOSELOOP_ACTION_LINKS_SECRET / CLOSELOOP_PUBLIC_URL): " + e.getMessage(), e);
        }
    }
}
