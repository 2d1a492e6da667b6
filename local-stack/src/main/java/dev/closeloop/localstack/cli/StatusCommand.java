package dev.closeloop.localstack.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Optional;

import dev.closeloop.localstack.InfraPorts;
import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.ServiceProcess;
import dev.closeloop.localstack.StackConfig;

/** {@code ./closeloop status}: which components run. Exit 0 when everything runs and is ready, 3 otherwise. */
public final class StatusCommand {

    public static final int NOT_RUNNING = 3;

    private final StackConfig config;
    private final PrintStream out;

    public StatusCommand(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public int run() {
        PidFiles pids = new PidFiles(config.pidsDirectory());
        boolean allUp = true;
        InfraPorts ports = config.infraPorts();
        Optional<ProcessHandle> infra = pids.running(Components.INFRA);
        boolean infraReady = infra.isPresent() && Files.exists(InfraCommand.readyFile(config));
        allUp &= infraReady;
        out.printf("%-22s %-50s %s%n", Components.INFRA,
                "PostgreSQL " + ports.postgres() + ", AMQP " + ports.amqp() + ", SMTP " + ports.smtp() + ", IMAP "
                        + ports.imap(),
                describe(infra, infraReady));
        for (Service service : Service.values()) {
            Optional<ProcessHandle> process = pids.running(service.moduleName());
            boolean ready = process.isPresent() && ServiceProcess.answers200(config.readinessUrl(service));
            allUp &= ready;
            out.printf("%-22s %-50s %s%n", service.moduleName(), config.url(service), describe(process, ready));
        }
        if (allUp) {
            out.println("Closeloop is up.");
            return 0;
        }
        boolean anything = pids.running(Components.INFRA).isPresent()
                || Components.services().stream().anyMatch(s -> pids.running(s).isPresent());
        out.println(anything ? "Closeloop is partly up: ./closeloop down, then ./closeloop up."
                : "Closeloop is not running: ./closeloop up starts it.");
        return NOT_RUNNING;
    }

    private static String describe(Optional<ProcessHandle> process, boolean ready) {
        if (process.isEmpty()) {
            return "not running";
        }
        return (ready ? "running, ready" : "running, NOT ready") + " (pid " + process.get().pid() + ")";
    }
}
