package dev.closeloop.localstack.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.closeloop.localstack.FakeService;
import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.ServiceProcess;
import dev.closeloop.localstack.StackConfig;

/** up, down and status against pid files of stand-in processes: what can be checked without the services. */
class LauncherCommandsTest {

    @TempDir
    Path repo;

    private StackConfig config;
    private PidFiles pids;
    private final List<ServiceProcess> started = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @BeforeEach
    void freshStack() {
        config = StackConfig.forTests(repo, repo.resolve(".closeloop"));
        pids = new PidFiles(config.pidsDirectory());
    }

    @AfterEach
    void stopStandIns() {
        started.forEach(p -> p.handle().destroyForcibly());
    }

    private ServiceProcess standIn(int port) {
        ServiceProcess process = ServiceProcess.start("stand-in", FakeService.command(),
                Map.of("QUARKUS_HTTP_PORT", String.valueOf(port)), repo, repo.resolve("stand-in-" + port + ".log"),
                URI.create("http://localhost:" + port + "/q/health/ready"), true);
        started.add(process);
        await().atMost(Duration.ofSeconds(30)).until(process::isReady);
        return process;
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void upNamesATakenPortWithItsPurposeAndStartsNothing() throws Exception {
        int amqp = config.infraPorts().amqp();
        try (ServerSocket squatter = new ServerSocket(amqp, 1, InetAddress.getLoopbackAddress())) {
            int code = new UpCommand(config, outStream, errStream).run();

            assertThat(code).isEqualTo(1);
            assertThat(err()).contains("Cannot start: port " + amqp + " (AMQP broker, Artemis) is already in use.",
                    "Nothing was started.");
        }
        assertThat(config.pidsDirectory()).doesNotExist();
        assertThat(config.logsDirectory()).doesNotExist();
    }

    @Test
    void upWithoutTheBuiltJarsSaysHowToBuildAndStartsNothing() {
        int code = new UpCommand(config, outStream, errStream).run();

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("survey-intake/target/quarkus-app/quarkus-run.jar is missing",
                "./mvnw -B -DskipTests package", "Nothing was started.");
        assertThat(config.pidsDirectory()).doesNotExist();
    }

    @Test
    void upOnARunningStackSaysSoAndSucceeds() {
        long pid = standIn(config.port(Service.SURVEY_INTAKE)).pid();
        Components.all().forEach(component -> pids.write(component, pid));

        int code = new UpCommand(config, outStream, errStream).run();

        assertThat(code).isZero();
        assertThat(out()).contains("Closeloop is already up", "admin@acme.example / closeloop-admin",
                "Bearer acme-local-key", "user = the manager's email");
    }

    @Test
    void upOnAPartlyRunningStackAsksForDownFirst() {
        pids.write(Components.INFRA, standIn(config.port(Service.SURVEY_INTAKE)).pid());

        int code = new UpCommand(config, outStream, errStream).run();

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("Closeloop is partly up: infra running", "Run ./closeloop down, then ./closeloop up.");
    }

    @Test
    void statusShowsWhatRunsAndWhetherItIsReady() {
        ServiceProcess intake = standIn(config.port(Service.SURVEY_INTAKE));
        pids.write("survey-intake", intake.pid());

        int code = new StatusCommand(config, outStream).run();

        assertThat(code).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(out()).containsPattern("survey-intake +http://localhost:\\d+ +running, ready \\(pid " + intake.pid())
                .containsPattern("escalation-engine +http://localhost:\\d+ +not running")
                .contains("Closeloop is partly up");
    }

    @Test
    void downStopsServicesAndInfraByPidRemovesThePidFilesAndIsIdempotent() throws Exception {
        ServiceProcess intake = standIn(config.port(Service.SURVEY_INTAKE));
        ServiceProcess infra = standIn(config.port(Service.ESCALATION_ENGINE));
        pids.write("survey-intake", intake.pid());
        pids.write(Components.INFRA, infra.pid());
        pids.write("recording-service", Long.MAX_VALUE - 1); // a pid that no longer runs
        Files.writeString(InfraCommand.readyFile(config), "ready");

        int code = new DownCommand(config, outStream).run();

        assertThat(code).isZero();
        assertThat(intake.isAlive()).isFalse();
        assertThat(infra.isAlive()).isFalse();
        assertThat(out()).contains("stopped survey-intake (pid " + intake.pid() + ")",
                "stopped infra (pid " + infra.pid() + ")", "recording-service was not running (pid file removed)",
                "Closeloop is down.");
        assertThat(out().indexOf("survey-intake (pid")).isLessThan(out().indexOf("infra (pid"));
        assertThat(config.pidsDirectory()).isEmptyDirectory();

        out.reset();
        assertThat(new DownCommand(config, outStream).run()).isZero();
        assertThat(out()).contains("Closeloop is not running: nothing to stop.");
    }
}
