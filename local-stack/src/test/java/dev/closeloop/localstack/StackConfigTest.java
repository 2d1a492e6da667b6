package dev.closeloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StackConfigTest {

    private final StackConfig local = StackConfig.localDefaults(Path.of("/repo"));

    @Test
    void everyServiceGetsItsPortItsOwnDatabaseAndTheBroker() {
        assertThat(local.environment(Service.ESCALATION_ENGINE))
                .containsEntry("QUARKUS_HTTP_PORT", "8082")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:55432/engine")
                .containsEntry("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:55432/engine")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "postgres")
                .containsEntry("QUARKUS_DATASOURCE_PASSWORD", "postgres")
                .containsEntry("AMQP_HOST", "127.0.0.1")
                .containsEntry("AMQP_PORT", "5672")
                .containsEntry("CLOSELOOP_DIRECTORY_FILE", "/repo/config/local/directory.yaml")
                .containsEntry("CLOSELOOP_PUBLIC_URL", "http://localhost:8082")
                .containsKey("CLOSELOOP_ACTION_LINKS_SECRET");
        assertThat(local.environment(Service.ESCALATION_ENGINE).get("CLOSELOOP_ACTION_LINKS_SECRET"))
                .as("long enough for the engine to accept").hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void eachServiceGetsTheSettingsOfTheConfigurationContract() {
        assertThat(local.environment(Service.SURVEY_INTAKE))
                .containsEntry("CLOSELOOP_API_KEYS_FILE", "/repo/config/local/api-keys")
                .doesNotContainKey("CLOSELOOP_DIRECTORY_FILE");
        assertThat(local.environment(Service.RECORDING_SERVICE))
                .containsEntry("CLOSELOOP_API_KEYS_FILE", "/repo/config/local/api-keys")
                .containsEntry("CLOSELOOP_RECORDINGS_DIRECTORY", "/repo/.closeloop/recordings")
                .containsEntry("CLOSELOOP_LINKS_BASE_URL", "http://localhost:8084");
        assertThat(local.environment(Service.NOTIFICATION_SERVICE))
                .containsEntry("QUARKUS_MAILER_HOST", "127.0.0.1")
                .containsEntry("QUARKUS_MAILER_PORT", "3025")
                .containsEntry("QUARKUS_MAILER_MOCK", "false");
    }

    @Test
    void theEngineReachesTheRecordingServicesInternalApiWithTheTokenItChecks() {
        String token = local.environment(Service.RECORDING_SERVICE).get("CLOSELOOP_INTERNAL_TOKEN");

        assertThat(token).as("long enough for the recording-service to accept").hasSizeGreaterThanOrEqualTo(32);
        assertThat(local.environment(Service.ESCALATION_ENGINE))
                .containsEntry("CLOSELOOP_INTERNAL_TOKEN", token)
                .containsEntry("QUARKUS_REST_CLIENT_RECORDINGS_URL", "http://localhost:8084");
        assertThat(local.environment(Service.SURVEY_INTAKE)).doesNotContainKey("CLOSELOOP_INTERNAL_TOKEN");
        assertThat(local.environment(Service.NOTIFICATION_SERVICE)).doesNotContainKey("CLOSELOOP_INTERNAL_TOKEN");
    }

    @Test
    void aTestStackUsesDistinctFreePortsAndItsOwnHome() {
        StackConfig test = StackConfig.forTests(Path.of("/repo"), Path.of("/tmp/e2e"));

        Set<Integer> ports = new HashSet<>(PortCheck.needed(test).keySet());
        assertThat(ports).hasSize(8).doesNotContain(5672, 3025, 3143, 8081, 8082, 8083, 8084);
        assertThat(test.environment(Service.RECORDING_SERVICE).get("CLOSELOOP_RECORDINGS_DIRECTORY"))
                .isEqualTo("/tmp/e2e/recordings");
        assertThat(test.linksBaseUrl()).isEqualTo("http://localhost:" + test.port(Service.RECORDING_SERVICE));
    }

    @Test
    void theRepositoryRootIsFoundFromAModuleDirectory() {
        Path root = StackConfig.findRepoRoot(Path.of(""));

        assertThat(root.resolve("local-stack/pom.xml")).exists();
    }
}
