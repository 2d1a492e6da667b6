package dev.closeloop.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** Where managers' browsers reach this service. */
@ConfigMapping(prefix = "closeloop.public-url")
public interface PublicUrlConfig {

    /**
     * {@code closeloop.public-url} (env {@code CLOSELOOP_PUBLIC_URL}), e.g. {@code https://closeloop.example}:
     * links in emails start with it. From the {@code closeloop-config} ConfigMap in Kubernetes.
     */
    @WithParentName
    @WithDefault("http://localhost:8082")
    String value();
}
