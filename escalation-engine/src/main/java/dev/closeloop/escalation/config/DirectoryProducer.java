package dev.closeloop.escalation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.closeloop.escalation.directory.Accounts;
import dev.closeloop.escalation.directory.DirectorySeed;
import dev.closeloop.escalation.directory.TenantDirectory;
import dev.closeloop.escalation.service.DirectoryService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Reads the seed file once, at start-up, so that a broken file stops the service before it consumes
 * anything; seeds the directory of every tenant the database does not know yet.
 */
@ApplicationScoped
public class DirectoryProducer {

    @Produces
    @Singleton
    DirectorySeed seed(DirectoryConfig config) {
        return DirectorySeed.load(config.file());
    }

    @Produces
    @Singleton
    Accounts accounts(DirectorySeed seed) {
        return seed.accounts();
    }

    void seedDatabase(@Observes StartupEvent start, DirectorySeed seed, DirectoryService directories,
            DirectoryConfig config) throws Throwable {
        var seeded = VertxContextSupport.subscribeAndAwait(() -> directories.seed(seed.tenants()));
        for (TenantDirectory tenant : seed.tenants()) {
            Log.infof("Directory of tenant %s: %s (%d sites, %d managers, %d teams, %d rules, %d accounts in %s)",
                    tenant.id(), seeded.contains(tenant.id()) ? "seeded from the file" : "kept as stored",
                    tenant.sites().size(), tenant.managers().size(), tenant.teams().size(),
                    tenant.routing().rules().size(), seed.accounts().count(tenant.id()), config.file());
        }
    }
}
