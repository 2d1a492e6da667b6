package dev.closeloop.escalation.console;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The VAPID public key browsers subscribe with ({@code closeloop.push.vapid.public-key}, the same as the
 * notification-service signs with); the pages offer browser alerts only when there is one. Templates read it as
 * {@code {inject:pushKey.value}}.
 */
@ApplicationScoped
@Named("pushKey")
public class PushKey {

    private final String value;

    public PushKey(@ConfigProperty(name = "closeloop.push.vapid.public-key") Optional<String> value) {
        this.value = value.map(String::strip).orElse("");
    }

    public String value() {
        return value;
    }
}
