package dev.closeloop.localstack;

import java.nio.file.Path;
import java.util.Optional;

/** The four Closeloop services as the launchers see them: module, database and default HTTP port. */
public enum Service {

    SURVEY_INTAKE("survey-intake", "intake", 8081),
    ESCALATION_ENGINE("escalation-engine", "engine", 8082),
    NOTIFICATION_SERVICE("notification-service", "notification", 8083),
    RECORDING_SERVICE("recording-service", "recording", 8084);

    private final String moduleName;
    private final String database;
    private final int defaultPort;

    Service(String moduleName, String database, int defaultPort) {
        this.moduleName = moduleName;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    /** The Maven module, also the name used for its log and pid files. */
    public String moduleName() {
        return moduleName;
    }

    /** Its own database on the shared local PostgreSQL server. */
    public String database() {
        return database;
    }

    /** The fixed port of the local stack (tests use free ports instead). */
    public int defaultPort() {
        return defaultPort;
    }

    /** The runnable jar {@code ./mvnw package} builds. */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(moduleName).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public static Optional<Service> byModuleName(String name) {
        for (Service service : values()) {
            if (service.moduleName.equals(name)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return moduleName;
    }
}
