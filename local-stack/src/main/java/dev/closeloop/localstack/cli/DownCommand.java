package dev.closeloop.localstack.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.closeloop.localstack.ServiceProcess;
import dev.closeloop.localstack.StackConfig;

/**
 * {@code ./closeloop down}: stops what {@code up} started, by pid: the services first (TERM, up to 20 s,
 * then KILL), the infrastructure last. Idempotent.
 */
public final class DownCommand {

    static final Duration GRACE = Duration.ofSeconds(20);

    private final StackConfig config;
    private final PrintStream out;

    public DownCommand(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public int run() {
        PidFiles pids = new PidFiles(config.pidsDirectory());
        int stopped = stop(pids, Components.services());
        stopped += stop(pids, List.of(Components.INFRA));
        stopped += stopPostgresLeftBehind();
        pids.removeAll(Components.all());
        try {
            Files.deleteIfExists(InfraCommand.readyFile(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(stopped == 0 ? "Closeloop is not running: nothing to stop." : "Closeloop is down.");
        return 0;
    }

    /** Stops those of the components that run, in parallel; returns how many were running. */
    private int stop(PidFiles pids, List<String> components) {
        List<String> names = new ArrayList<>();
        List<ProcessHandle> handles = new ArrayList<>();
        for (String component : components) {
            Optional<ProcessHandle> running = pids.running(component);
            if (running.isPresent()) {
                names.add(component);
                handles.add(running.get());
            } else if (pids.exists(component)) {
                out.println("  " + component + " was not running (pid file removed)");
                pids.remove(component);
            }
        }
        if (handles.isEmpty()) {
            return 0;
        }
        out.println("Stopping " + String.join(", ", names) + " …");
        List<ServiceProcess.Stopped> results = ServiceProcess.stopAll(handles, GRACE);
        for (int i = 0; i < names.size(); i++) {
            String what = names.get(i) + " (pid " + handles.get(i).pid() + ")";
            switch (results.get(i)) {
                case KILLED -> out.println("  killed " + what + ": it did not stop within " + GRACE.toSeconds() + " s");
                case NOT_RUNNING -> out.println("  " + what + " had already ended");
                default -> out.println("  stopped " + what);
            }
            pids.remove(names.get(i));
        }
        return names.size();
    }

    /**
     * PostgreSQL runs as processes of its own: when the infrastructure JVM was killed rather than stopped,
     * they outlive it and keep port and data locked. Its postmaster.pid finds them.
     */
    private int stopPostgresLeftBehind() {
        Path postmasterPid = config.postgresHome().resolve("data/postmaster.pid");
        Optional<ProcessHandle> postgres = PidFiles.readPid(postmasterPid).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postgres.isEmpty()) {
            return 0;
        }
        ServiceProcess.stop(postgres.get(), GRACE);
        out.println("  stopped PostgreSQL left behind by the infrastructure process (pid " + postgres.get().pid() + ")");
        return 1;
    }
}
