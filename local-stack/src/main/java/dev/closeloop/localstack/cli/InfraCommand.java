package dev.closeloop.localstack.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;

import dev.closeloop.localstack.InfraPorts;
import dev.closeloop.localstack.Infrastructure;
import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.StackConfig;

/**
 * {@code Cli infra}, started by {@code up} in the background: runs PostgreSQL, Artemis and the mail sink
 * until it gets SIGTERM, then stops them in order. Writes {@code pids/infra.ready} once everything
 * listens, which is what {@code up} waits for.
 */
public final class InfraCommand {

    private final StackConfig config;
    private final PrintStream out;

    public InfraCommand(StackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    public static Path readyFile(StackConfig config) {
        return config.pidsDirectory().resolve("infra.ready");
    }

    /** Blocks until the JVM is told to stop; returns only when starting failed. */
    public int run() throws InterruptedException {
        // Artemis' audit log writes a line per message sent and consumed: too much for infra.log
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.audit", "warn");
        InfraPorts ports = config.infraPorts();
        out.println("Starting PostgreSQL on " + ports.postgres() + " (data in " + config.postgresHome()
                + "), Artemis on AMQP " + ports.amqp() + " (data in " + config.artemisHome()
                + "), GreenMail on SMTP " + ports.smtp() + " and IMAP " + ports.imap());
        Infrastructure infrastructure;
        try {
            infrastructure = Infrastructure.start(config.home(), ports);
        } catch (RuntimeException e) {
            out.println("The infrastructure did not start: " + e.getMessage());
            e.printStackTrace(out);
            return 1;
        }
        Path ready = readyFile(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping the mail sink, Artemis and PostgreSQL");
            try {
                Files.deleteIfExists(ready);
                infrastructure.close();
                out.println("Infrastructure stopped");
            } catch (IOException | RuntimeException e) {
                out.println("Infrastructure did not stop cleanly: " + e.getMessage());
            } finally {
                out.flush();
                stopped.countDown();
            }
        }, "stop-infrastructure"));
        try {
            Files.createDirectories(ready.getParent());
            Files.writeString(ready, ProcessHandle.current().pid() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringJoiner databases = new StringJoiner(", ");
        for (Service service : Service.values()) {
            databases.add(service.database());
        }
        out.println("Infrastructure ready: databases " + databases + " on PostgreSQL " + ports.postgres()
                + "; running until SIGTERM");
        out.flush();
        stopped.await();
        return 0;
    }
}
