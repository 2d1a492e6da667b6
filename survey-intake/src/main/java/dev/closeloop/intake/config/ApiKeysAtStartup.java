package dev.closeloop.intake.config;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.closeloop.platform.apikey.TenantApiKeys;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Every survey-intake call is authenticated with a tenant API key. Without the key file
 * ({@code CLOSELOOP_API_KEYS_FILE}) the service could only answer 500s, so it refuses to start; and it reads
 * the file now, so a malformed one stops it at once rather than at the first survey.
 */
@ApplicationScoped
class ApiKeysAtStartup {

    void check(@Observes StartupEvent event, @ConfigProperty(name = "closeloop.api-keys.file") Optional<Path> file,
            TenantApiKeys keys) {
        if (file.isEmpty()) {
            throw new IllegalStateException("survey-intake needs the tenants' API key file: set CLOSELOOP_API_KEYS_FILE "
                    + "(closeloop.api-keys.file) to a file of tenant:sha256-hex lines");
        }
        keys.tenantOf("not-a-key");
        Log.infof("Tenant API keys read from %s", file.get().toAbsolutePath().normalize());
    }
}
