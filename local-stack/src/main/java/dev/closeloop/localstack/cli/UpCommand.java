package dev.closeloop.localstack.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.closeloop.localstack.Cli;
import dev.closeloop.localstack.InfraPorts;
import dev.closeloop.localstack.PortCheck;
import dev.closeloop.localstack.ReadinessWait;
import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.ServiceProcess;
import dev.closeloop.localstack.StackConfig;

/**
 * {@code ./closeloop up}: checks the ports, starts the infrastructure as a detached background process,
 * then the four services, waits until all are ready, prints where everything is, and returns leaving it
 * all running. On any failure it stops what it started, so a failed {@code up} leaves nothing behind.
 */
public final class UpCommand {

    static final Duration INFRA_TIMEOUT = Duration.ofSeconds(120);
    static final Duration SERVICES_TIMEOUT = Duration.ofSeconds(120);

    public static final String API_KEY = "acme-local-key";
    public static final String ADMIN_USER = "admin@acme.example";
    public static final String ADMIN_PASSWORD = "closeloop-admin";

    private final StackConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final PidFiles pids;

    public UpCommand(StackConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.pids = new PidFiles(config.pidsDirectory());
    }

    public int run() {
        List<String> running = new ArrayList<>();
        for (String component : Components.all()) {
            pids.running(component).ifPresent(p -> running.add(component));
        }
        if (running.size() == Components.all().size()) {
            out.println("Closeloop is already up (" + String.join(", ", running) + " running).");
            printWhereEverythingIs();
            return 0;
        }
        if (!running.isEmpty()) {
            err.println("Closeloop is partly up: " + String.join(", ", running) + " running, the rest not.");
            err.println("Run ./closeloop down, then ./closeloop up.");
            return 1;
        }
        List<PortCheck.Conflict> conflicts = PortCheck.conflicts(PortCheck.needed(config));
        if (!conflicts.isEmpty()) {
            for (PortCheck.Conflict conflict : conflicts) {
                err.println("Cannot start: " + conflict.message() + ".");
            }
            err.println("Nothing was started. Stop what uses " + (conflicts.size() == 1 ? "it" : "them")
                    + " (`ss -ltnp 'sport = :" + conflicts.get(0).port() + "'` shows which process) and run "
                    + "./closeloop up again.");
            return 1;
        }
        List<String> missing = missingFiles();
        if (!missing.isEmpty()) {
            missing.forEach(m -> err.println("Cannot start: " + m));
            err.println("Nothing was started.");
            return 1;
        }
        return start();
    }

    private List<String> missingFiles() {
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(service.jar(config.repoRoot()))) {
                missing.add(shown(service.jar(config.repoRoot())) + " is missing: build with "
                        + "./mvnw -B -DskipTests package (./closeloop up does it for you)");
            }
        }
        if (!Files.isRegularFile(config.apiKeysFile())) {
            missing.add("the API key file " + shown(config.apiKeysFile()) + " is missing");
        }
        if (!Files.isRegularFile(config.directoryFile())) {
            missing.add("the directory " + shown(config.directoryFile()) + " is missing");
        }
        return missing;
    }

    private int start() {
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        // Ctrl-C while waiting: the detached processes would survive it, so stop them on the way out
        Thread stopOnInterrupt = new Thread(() -> {
            synchronized (finished) {
                if (!finished.get()) {
                    interrupted.set(true);
                    err.println();
                    err.println("Interrupted: stopping what was started.");
                    new DownCommand(config, out).run();
                }
            }
        }, "stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        removeLeftovers();
        Optional<String> failure = startInfrastructure();
        if (failure.isEmpty()) {
            failure = startServices();
        }
        synchronized (finished) {
            finished.set(true);
            if (interrupted.get()) {
                // the services "failed" because the interrupt stopped them: nothing more to say
                return 1;
            }
            if (failure.isPresent()) {
                err.println(failure.get());
                err.println("Stopping what was started.");
                new DownCommand(config, out).run();
                return 1;
            }
        }
        out.println();
        out.println("Closeloop is up.");
        printWhereEverythingIs();
        return 0;
    }

    private void removeLeftovers() {
        pids.removeAll(Components.all());
        try {
            Files.deleteIfExists(InfraCommand.readyFile(config));
            Files.createDirectories(config.logsDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty when the infrastructure is ready; why not otherwise. */
    private Optional<String> startInfrastructure() {
        InfraPorts ports = config.infraPorts();
        out.println("Starting PostgreSQL (" + ports.postgres() + "), Artemis (AMQP " + ports.amqp()
                + ") and the mail sink (SMTP " + ports.smtp() + ", IMAP " + ports.imap() + ") …");
        List<String> command = List.of(ServiceProcess.javaExecutable(), "-cp", ownClassPath(),
                Cli.class.getName(), "infra");
        ServiceProcess infra = ServiceProcess.start(Components.INFRA, command, Map.of(), config.repoRoot(),
                config.logFile(Components.INFRA), null, true);
        pids.write(Components.INFRA, infra.pid());
        long start = System.nanoTime();
        long deadline = start + INFRA_TIMEOUT.toNanos();
        Path ready = InfraCommand.readyFile(config);
        while (!Files.exists(ready)) {
            if (!infra.isAlive() || System.nanoTime() > deadline) {
                return Optional.of("The infrastructure " + (infra.isAlive() ? "was not ready after "
                        + INFRA_TIMEOUT.toSeconds() + " s" : "exited with code " + infra.exitValue())
                        + ". " + logExcerpt(infra));
            }
            pause();
        }
        out.println("  ready: infrastructure (" + Math.round((System.nanoTime() - start) / 1e9) + " s)");
        return Optional.empty();
    }

    /** Empty when every service is ready; which one failed and why otherwise. */
    private Optional<String> startServices() {
        List<ServiceProcess> services = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Service service : Service.values()) {
            ServiceProcess process = ServiceProcess.start(service, config, true);
            pids.write(service.moduleName(), process.pid());
            services.add(process);
            names.add(service.moduleName() + " (" + config.port(service) + ")");
        }
        out.println("Starting " + String.join(", ", names) + " …");
        return ReadinessWait.await(services, SERVICES_TIMEOUT, message -> out.println("  " + message))
                .map(failure -> failure.service().name() + " " + failure.reason() + ". "
                        + logExcerpt(failure.service()));
    }

    private String logExcerpt(ServiceProcess process) {
        return "Last lines of " + shown(process.log()) + " (stack frames left out):" + System.lineSeparator()
                + process.failureLogTail(30);
    }

    private void printWhereEverythingIs() {
        InfraPorts ports = config.infraPorts();
        out.println();
        out.printf("  %-22s %-24s %-38s %s%n", "service", "URL", "API (Swagger UI)", "health");
        for (Service service : Service.values()) {
            String url = config.url(service).toString();
            out.printf("  %-22s %-24s %-38s %s%n", service.moduleName(), url, url + "/q/swagger-ui",
                    url + "/q/health");
        }
        out.println();
        out.println("  PostgreSQL   localhost:" + ports.postgres() + "  user postgres, password postgres; databases "
                + "intake, engine, recording, notification");
        out.println("  AMQP broker  localhost:" + ports.amqp() + "   Artemis, data in " + shown(config.artemisHome()));
        out.println("  Mail sink    SMTP localhost:" + ports.smtp() + ", IMAP localhost:" + ports.imap());
        out.println();
        out.println("  Manager console:                  " + config.url(Service.ESCALATION_ENGINE) + "/console"
                + "  (log in as mia.jones@acme.example / closeloop-manager)");
        out.println("  Telephony API key (tenant acme):  Authorization: Bearer " + API_KEY);
        out.println("  Escalations API (HTTP Basic):     " + ADMIN_USER + " / " + ADMIN_PASSWORD
                + "  (manager: mia.jones@acme.example / closeloop-manager)");
        out.println("  Read a manager's mail:            any IMAP client, localhost:" + ports.imap()
                + ", no TLS, user = the manager's email (e.g. mia.jones@acme.example), any password");
        out.println();
        out.println("  Try:  curl -i -H 'Authorization: Bearer " + API_KEY + "' -H 'Content-Type: application/json' "
                + "--data @<survey.json> " + config.url(Service.SURVEY_INTAKE) + "/api/v1/surveys");
        out.println("        curl -u " + ADMIN_USER + ":" + ADMIN_PASSWORD + " "
                + config.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations");
        out.println("  Logs: " + shown(config.logsDirectory()) + "/<service>.log   Demo: ./closeloop demo   "
                + "Stop: ./closeloop down");
    }

    /** Paths inside the repository shown relative to it, as the user typed the command there. */
    private String shown(Path path) {
        return path.startsWith(config.repoRoot()) ? config.repoRoot().relativize(path).toString() : path.toString();
    }

    /** This JVM's class path made absolute, for the background infrastructure JVM. */
    private static String ownClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static void pause() {
        try {
            Thread.sleep(250); // polling another process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
