package dev.closeloop.escalation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.closeloop.escalation.directory.Directory;
import dev.closeloop.escalation.directory.DirectoryLoader;
import dev.closeloop.escalation.directory.Tenant;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/** Loads the directory once, at start-up, so that a broken file stops the service before it consumes anything. */
@ApplicationScoped
public class DirectoryProducer {

    @Produces
    @Singleton
    @Startup
    Directory directory(DirectoryConfig config) {
        Directory directory = DirectoryLoader.load(config.file());
        for (Tenant tenant : directory.tenants()) {
            Log.infof("Directory %s: tenant %s with %d teams, %d sales contacts, %d accounts", config.file(),
                    tenant.id(), tenant.teams().size(), tenant.salesContacts().size(), tenant.accounts().size());
        }
        return directory;
    }
}
