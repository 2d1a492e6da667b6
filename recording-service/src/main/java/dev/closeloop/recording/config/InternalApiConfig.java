package dev.closeloop.recording.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The service-to-service API under {@code /internal/}, through which the escalation-engine's console asks for
 * recording links. Tenant API keys never open it.
 */
@ConfigMapping(prefix = "closeloop.internal")
public interface InternalApiConfig {

    /** Shorter tokens are refused at start: the token is the only thing between the network and every link. */
    int MIN_TOKEN_LENGTH = 32;

    /**
     * The bearer token callers present ({@code CLOSELOOP_INTERNAL_TOKEN}; the {@code closeloop-internal}
     * Secret in Kubernetes), the same value the escalation-engine sends. Unset: the internal API is off and
     * answers 404.
     */
    Optional<String> token();
}
