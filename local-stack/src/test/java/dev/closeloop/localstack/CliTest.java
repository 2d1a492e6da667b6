package dev.closeloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return Cli.run(repo, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandShowsTheUsage() throws Exception {
        assertThat(run()).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("Usage: ./closeloop <command>", "up", "demo", "status", "down");
    }

    @Test
    void helpShowsTheUsageAndSucceeds() throws Exception {
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: ./closeloop <command>");
    }

    @Test
    void anUnknownCommandIsNamed() throws Exception {
        assertThat(run("start")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("closeloop: unknown command: start");
    }

    @Test
    void vapidKeysPrintsANewPairAsEnvironmentLines() throws Exception {
        assertThat(run("vapid-keys")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("CLOSELOOP_PUSH_VAPID_PUBLIC_KEY=[A-Za-z0-9_-]{87}"),
                line -> assertThat(line).matches("CLOSELOOP_PUSH_VAPID_PRIVATE_KEY=[A-Za-z0-9_-]{43}"));
    }

    @Test
    void commandsWithoutOptionsRefuseThem() throws Exception {
        assertThat(run("up", "--fast")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("up takes no options, got: --fast");
    }

    @Test
    void theDemoWantsAPositiveNumberOfSurveys() throws Exception {
        assertThat(run("demo", "--surveys", "many")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("--surveys needs a number, not 'many'");

        assertThat(run("demo", "--surveys=0")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("--surveys must be between 1 and 1000, not 0");

        assertThat(run("demo", "--surveys")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("--surveys needs a number");

        assertThat(run("demo", "--fast")).isEqualTo(Cli.USAGE);
        assertThat(err()).contains("unknown option for demo: --fast");
    }

    @Test
    void theDirectoryAndApiKeyFilesCanBeOverriddenFromTheEnvironment() {
        StackConfig config = Cli.configFor(repo, Map.of("CLOSELOOP_DIRECTORY_FILE", "/tmp/dir.yaml",
                "CLOSELOOP_API_KEYS_FILE", "keys"));

        assertThat(config.directoryFile()).isEqualTo(Path.of("/tmp/dir.yaml"));
        assertThat(config.apiKeysFile()).isEqualTo(repo.resolve("keys"));
        assertThat(Cli.configFor(repo, Map.of()).directoryFile()).isEqualTo(repo.resolve("config/local/directory.yaml"));
    }
}
