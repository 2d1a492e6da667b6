package dev.closeloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

    @TempDir
    Path home;

    private final List<ServiceProcess> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(p -> p.handle().destroyForcibly());
    }

    private ServiceProcess fake(String mode, boolean detached) {
        int port = Ports.free();
        ServiceProcess process = ServiceProcess.start("fake-" + mode, FakeService.command(),
                Map.of("QUARKUS_HTTP_PORT", String.valueOf(port), "FAKE_MODE", mode, "CLOSELOOP_EXAMPLE", "passed on"),
                home, home.resolve("logs/fake-" + mode + ".log"),
                URI.create("http://localhost:" + port + "/q/health/ready"), detached);
        started.add(process);
        return process;
    }

    @Test
    void aServiceGetsItsEnvironmentItsLogAndIsReadyWhenItsReadinessUrlAnswers200() throws Exception {
        ServiceProcess service = fake("normal", false);

        Optional<ReadinessWait.Failure> failure = ReadinessWait.await(List.of(service), Duration.ofSeconds(30), m -> { });

        assertThat(failure).isEmpty();
        String env = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                service.readinessUrl().resolve("/env/CLOSELOOP_EXAMPLE")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(env).isEqualTo("passed on");
        assertThat(service.logTail(10)).contains("fake service ready");
        assertThat(service.stop(Duration.ofSeconds(10))).isEqualTo(ServiceProcess.Stopped.TERMINATED);
        assertThat(service.isAlive()).isFalse();
    }

    @Test
    void aDetachedServiceRunsInASessionOfItsOwnUnderItsOwnPid() {
        ServiceProcess service = fake("normal", true);

        assertThat(ReadinessWait.await(List.of(service), Duration.ofSeconds(30), m -> { })).isEmpty();

        // setsid execs in place: the pid we hold is the service JVM itself, which is what pid files rely on
        assertThat(service.handle().info().command()).hasValueSatisfying(c -> assertThat(c).endsWith("java"));
        assertThat(service.stop(Duration.ofSeconds(10))).isEqualTo(ServiceProcess.Stopped.TERMINATED);
    }

    @Test
    void theWaitStopsAtOnceWhenAServiceExitsAndNamesIt() {
        ServiceProcess healthy = fake("normal", false);
        ServiceProcess broken = fake("exit", false);

        Optional<ReadinessWait.Failure> failure =
                ReadinessWait.await(List.of(healthy, broken), Duration.ofSeconds(60), m -> { });

        assertThat(failure).hasValueSatisfying(f -> {
            assertThat(f.service()).isSameAs(broken);
            assertThat(f.reason()).contains("exited with code 3");
            assertThat(f.service().logTail(5)).contains("boom: cannot connect to the database");
        });
    }

    @Test
    void theWaitGivesUpAtTheTimeoutOnAServiceThatNeverGetsReady() {
        ServiceProcess stuck = fake("never-ready", false);

        Optional<ReadinessWait.Failure> failure = ReadinessWait.await(List.of(stuck), Duration.ofSeconds(3), m -> { });

        assertThat(failure).hasValueSatisfying(f -> assertThat(f.reason()).startsWith("not ready after"));
    }

    @Test
    void stopKillsAServiceThatIgnoresTerm() {
        ServiceProcess stubborn = fake("ignore-term", false);
        await().atMost(Duration.ofSeconds(30)).until(stubborn::isReady);

        assertThat(stubborn.stop(Duration.ofSeconds(2))).isEqualTo(ServiceProcess.Stopped.KILLED);
        assertThat(stubborn.isAlive()).isFalse();
    }

    @Test
    void theFailureTailLeavesOutStackFramesSoThatTheCauseShows() {
        String output = String.join("\\n", "ERROR Failed to start application",
                "\\tat io.quarkus.Runner.run(Runner.java:1)", "\\tat io.quarkus.Main.main(Main.java:2)",
                "Caused by: DirectoryException: Invalid directory /tmp/bad.yaml", "\\tat x.Y.z(Y.java:3)",
                "\\t... 9 more");
        ServiceProcess failed = ServiceProcess.start("failed", List.of("sh", "-c", "printf '" + output + "\\n'; exit 1"),
                Map.of(), home, home.resolve("logs/failed.log"), null, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> !failed.isAlive());

        assertThat(failed.logTail(1)).contains("9 more");
        assertThat(failed.failureLogTail(2)).isEqualTo("ERROR Failed to start application" + System.lineSeparator()
                + "Caused by: DirectoryException: Invalid directory /tmp/bad.yaml");
    }

    @Test
    void theLogTailShowsTheLastLines() throws Exception {
        Path log = home.resolve("some.log");
        java.nio.file.Files.writeString(log, "one\ntwo\nthree\nfour\n");

        assertThat(ServiceProcess.tail(log, 2)).isEqualTo("three" + System.lineSeparator() + "four");
        assertThat(ServiceProcess.tail(home.resolve("missing.log"), 2)).startsWith("(no log at");
    }
}
