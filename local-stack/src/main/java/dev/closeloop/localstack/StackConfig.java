package dev.closeloop.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything needed to run the stack in one place: where the jars are, where data, logs and pids go,
 * the ports, and the configuration files. {@link #environment(Service)} turns it into the environment
 * variables of the runtime configuration contract, the same ones Kubernetes sets.
 *
 * @param repoRoot the repository root (holds the modules' {@code target/} directories)
 * @param home data, logs and pids ({@code .closeloop/} for the local stack, a scratch directory in tests)
 * @param infraPorts PostgreSQL, AMQP, SMTP and IMAP ports
 * @param servicePorts HTTP port of each service
 * @param apiKeysFile tenant API key hashes (survey-intake and recording-service)
 * @param directoryFile the YAML directory of tenants, teams and managers (escalation-engine)
 */
public record StackConfig(Path repoRoot, Path home, InfraPorts infraPorts, Map<Service, Integer> servicePorts,
        Path apiKeysFile, Path directoryFile) {

    /**
     * Signs the engine's acknowledge links on this machine. In the repository like the demo API keys and
     * passwords: the local stack is a demo; a deployment takes its own from a Secret.
     */
    static final String LOCAL_ACTION_LINKS_SECRET = "local-stack-action-link-secret-demo-only";
    static final String LOCAL_CONSOLE_SESSION_KEY = "local-stack-console-session-key-demo-only";

    /**
     * The bearer token the escalation-engine presents to the recording-service's internal API (console
     * recording links); both get it. A fixed demo value for the same reason as {@link #LOCAL_ACTION_LINKS_SECRET}.
     */
    static final String LOCAL_INTERNAL_TOKEN = "local-stack-internal-token-demo-only";

    public StackConfig {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        apiKeysFile = apiKeysFile.toAbsolutePath().normalize();
        directoryFile = directoryFile.toAbsolutePath().normalize();
        servicePorts = Collections.unmodifiableMap(new EnumMap<>(servicePorts));
        for (Service service : Service.values()) {
            if (!servicePorts.containsKey(service)) {
                throw new IllegalArgumentException("no port for " + service);
            }
        }
    }

    /**
     * The local stack of {@code ./closeloop up}: fixed ports, state under {@code .closeloop/}, the
     * configuration in {@code config/local/}.
     */
    public static StackConfig localDefaults(Path repoRoot) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, service.defaultPort());
        }
        return new StackConfig(repoRoot, repoRoot.resolve(".closeloop"), InfraPorts.LOCAL_DEFAULTS, ports,
                repoRoot.resolve("config/local/api-keys"), repoRoot.resolve("config/local/directory.yaml"));
    }

    /** A stack on free ports with its state under {@code home}, e.g. for an end-to-end test. */
    public static StackConfig forTests(Path repoRoot, Path home) {
        Set<Integer> seen = new HashSet<>();
        InfraPorts infra = new InfraPorts(InfraPorts.distinctFree(seen), InfraPorts.distinctFree(seen),
                InfraPorts.distinctFree(seen), InfraPorts.distinctFree(seen));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, InfraPorts.distinctFree(seen));
        }
        return new StackConfig(repoRoot, home, infra, ports,
                repoRoot.resolve("config/local/api-keys"), repoRoot.resolve("config/local/directory.yaml"));
    }

    /** The same stack with another directory file (a test's own tenants and teams). */
    public StackConfig withDirectoryFile(Path file) {
        return new StackConfig(repoRoot, home, infraPorts, servicePorts, apiKeysFile, file);
    }

    /** The same stack with another API key file. */
    public StackConfig withApiKeysFile(Path file) {
        return new StackConfig(repoRoot, home, infraPorts, servicePorts, file, directoryFile);
    }

    /** The repository root above {@code start}: the first directory holding {@code mvnw} and {@code local-stack/}. */
    public static Path findRepoRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no Closeloop repository root (mvnw + local-stack/) above " + start);
    }

    public int port(Service service) {
        return servicePorts.get(service);
    }

    public URI url(Service service) {
        return URI.create("http://localhost:" + port(service));
    }

    public URI readinessUrl(Service service) {
        return url(service).resolve("/q/health/ready");
    }

    public Path logsDirectory() {
        return home.resolve("logs");
    }

    public Path logFile(String component) {
        return logsDirectory().resolve(component + ".log");
    }

    public Path pidsDirectory() {
        return home.resolve("pids");
    }

    public Path postgresHome() {
        return home.resolve("postgres");
    }

    public Path artemisHome() {
        return home.resolve("artemis");
    }

    /** The stack's VAPID key pair for browser push, made on the first {@code up} and kept for the next. */
    public Path vapidKeysFile() {
        return home.resolve("vapid-keys.env");
    }

    public Path recordingsDirectory() {
        return home.resolve("recordings");
    }

    /** Recording links point at the recording-service as a browser on this machine reaches it. */
    public String linksBaseUrl() {
        return "http://localhost:" + port(Service.RECORDING_SERVICE);
    }

    /** The environment of one service without browser push (no VAPID keys). */
    public Map<String, String> environment(Service service) {
        return environment(service, null);
    }

    /**
     * The environment variables of the runtime configuration contract for one service.
     *
     * @param vapid the stack's VAPID pair for browser push, or null to run without push
     */
    public Map<String, String> environment(Service service, VapidKeyPair vapid) {
        Map<String, String> env = new LinkedHashMap<>();
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + infraPorts.postgres() + "/" + service.database();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", jdbcUrl.substring("jdbc:".length()));
        env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
        // 127.0.0.1 rather than localhost: the infrastructure listens on IPv4 loopback only
        env.put("AMQP_HOST", "127.0.0.1");
        env.put("AMQP_PORT", String.valueOf(infraPorts.amqp()));
        switch (service) {
            case SURVEY_INTAKE -> env.put("CLOSELOOP_API_KEYS_FILE", apiKeysFile.toString());
            case ESCALATION_ENGINE -> {
                env.put("CLOSELOOP_DIRECTORY_FILE", directoryFile.toString());
                env.put("CLOSELOOP_PUBLIC_URL", url(Service.ESCALATION_ENGINE).toString());
                env.put("CLOSELOOP_ACTION_LINKS_SECRET", LOCAL_ACTION_LINKS_SECRET);
                env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", LOCAL_CONSOLE_SESSION_KEY);
                if (vapid != null) {
                    // the console hands it to browsers as their applicationServerKey; the private key stays with
                    // the notification-service, which signs the pushes
                    env.put(VapidKeyPair.PUBLIC_KEY_ENV, vapid.publicKey());
                }
                env.put("CLOSELOOP_INTERNAL_TOKEN", LOCAL_INTERNAL_TOKEN);
                env.put("QUARKUS_REST_CLIENT_RECORDINGS_URL", url(Service.RECORDING_SERVICE).toString());
            }
            case RECORDING_SERVICE -> {
                env.put("CLOSELOOP_API_KEYS_FILE", apiKeysFile.toString());
                env.put("CLOSELOOP_RECORDINGS_DIRECTORY", recordingsDirectory().toString());
                env.put("CLOSELOOP_LINKS_BASE_URL", linksBaseUrl());
                env.put("CLOSELOOP_INTERNAL_TOKEN", LOCAL_INTERNAL_TOKEN);
            }
            case NOTIFICATION_SERVICE -> {
                env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
                env.put("QUARKUS_MAILER_PORT", String.valueOf(infraPorts.smtp()));
                env.put("QUARKUS_MAILER_MOCK", "false");
                // GreenMail speaks plain SMTP: the same settings as MailSinkTestResource
                env.put("QUARKUS_MAILER_TLS", "false");
                env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
                if (vapid != null) {
                    env.put(VapidKeyPair.PUBLIC_KEY_ENV, vapid.publicKey());
                    env.put(VapidKeyPair.PRIVATE_KEY_ENV, vapid.privateKey());
                }
            }
        }
        return env;
    }
}
