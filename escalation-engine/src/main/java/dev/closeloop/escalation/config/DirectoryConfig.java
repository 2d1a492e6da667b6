package dev.closeloop.escalation.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "closeloop.directory")
public interface DirectoryConfig {

    /**
     * The directory YAML (tenants, teams, managers, sales and fallback contacts, accounts), env
     * {@code CLOSELOOP_DIRECTORY_FILE}. A mounted Secret in Kubernetes, since it holds password
     * hashes. No default outside dev and test: a service must never start on the demo accounts by
     * accident.
     */
    Path file();
}
