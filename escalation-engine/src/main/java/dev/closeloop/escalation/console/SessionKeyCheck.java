package dev.closeloop.escalation.console;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Stops the service at start when the console's session key is missing or short. Without one Quarkus would make
 * up a key per process: sessions would then break on every restart and whenever a request reached another replica.
 */
@Singleton
public class SessionKeyCheck {

    static final String KEY = "quarkus.http.auth.session.encryption-key";
    static final int MIN_LENGTH = 32;

    void check(@Observes StartupEvent start,
            @ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> key) {
        if (key.isEmpty() || key.get().strip().length() < MIN_LENGTH) {
            throw new IllegalStateException(KEY + " (env QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY, the "
                    + "closeloop-console Secret in Kubernetes) must be set, at least " + MIN_LENGTH + " characters "
                    + "(e.g. openssl rand -base64 48), the same on every replica: it encrypts the console's sessions");
        }
    }
}
