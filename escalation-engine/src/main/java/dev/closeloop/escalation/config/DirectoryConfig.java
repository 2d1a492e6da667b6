package dev.closeloop.escalation.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "closeloop.directory")
public interface DirectoryConfig {

    /**
     * The seed file, env {@code CLOSELOOP_DIRECTORY_FILE}: each tenant's directory (sites, managers,
     * teams, routing), stored for tenants the database does not have yet, and the accounts that log in.
     * A mounted Secret in Kubernetes, since it holds password hashes. No default outside dev and test:
     * a service must never start on the demo accounts by accident.
     */
    Path file();
}
