package dev.closeloop.localstack.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeMessage;

import dev.closeloop.localstack.LocalBroker;
import dev.closeloop.localstack.LocalPostgres;
import dev.closeloop.localstack.MailSink;
import dev.closeloop.localstack.ReadinessWait;
import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.ServiceProcess;
import dev.closeloop.localstack.StackConfig;

/**
 * The stack a chaos run owns and breaks: PostgreSQL, Artemis in a process of its own (so it can be SIGKILLed),
 * the mail sink and the four packaged services, on free loopback ports, with its data in a home wiped at start.
 * Every fault is one method: kill and start the broker, kill and start a service, restart PostgreSQL, take the
 * SMTP server away and bring it back (the mail received so far is kept: the sink forgets it on a restart).
 */
final class ChaosStack implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final StackConfig config;
    private final Consumer<String> progress;
    private final LocalPostgres postgres;
    private final MailSink mail;
    private final List<MimeMessage> mailBeforeRestarts = new ArrayList<>();
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private ServiceProcess broker;

    private ChaosStack(StackConfig config, Consumer<String> progress, LocalPostgres postgres, MailSink mail) {
        this.config = config;
        this.progress = progress;
        this.postgres = postgres;
        this.mail = mail;
    }

    static ChaosStack start(Path repoRoot, Path home, Consumer<String> progress) {
        wipe(home);
        StackConfig config = StackConfig.forTests(repoRoot, home);
        progress.accept("starting PostgreSQL, Artemis (own process) and the mail sink in " + home);
        LocalPostgres postgres = LocalPostgres.start(home.resolve("postgres"), config.infraPorts().postgres());
        for (Service service : Service.values()) {
            postgres.createDatabase(service.database());
        }
        MailSink mail = MailSink.start(config.infraPorts().smtp(), config.infraPorts().imap());
        ChaosStack stack = new ChaosStack(config, progress, postgres, mail);
        try {
            stack.startBroker();
            for (Service service : Service.values()) {
                stack.services.put(service, ServiceProcess.start(service, config, false));
            }
            stack.awaitReady(List.copyOf(stack.services.values()));
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    StackConfig config() {
        return config;
    }

    /** SIGKILL: no shutdown hook, no journal flush beyond what Artemis already synced. */
    synchronized void killBroker() {
        if (broker != null) {
            broker.handle().destroyForcibly();
            broker.handle().onExit().join();
            broker = null;
        }
    }

    synchronized void startBroker() {
        List<String> command = List.of(ServiceProcess.javaExecutable(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), BrokerMain.class.getName(),
                config.home().resolve("artemis").toString(), String.valueOf(config.infraPorts().amqp()));
        broker = ServiceProcess.start("artemis", command, Map.of(), config.repoRoot(), config.logFile("artemis"), null,
                false);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!accepts(config.infraPorts().amqp())) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Artemis did not start; last lines of " + broker.log() + ":\n"
                        + broker.failureLogTail(30));
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** SIGKILL, as a crashed or evicted pod: in-flight work is whatever the service had made durable. */
    synchronized void killService(Service service) {
        ServiceProcess process = services.remove(service);
        if (process != null) {
            process.handle().destroyForcibly();
            process.handle().onExit().join();
        }
    }

    synchronized void startService(Service service) {
        ServiceProcess process = ServiceProcess.start(service, config, false);
        services.put(service, process);
        awaitReady(List.of(process));
    }

    /** A clean restart, as a database failover or upgrade: every connection breaks. */
    void restartPostgres() {
        postgres.stop();
        postgres.start();
    }

    /** The SMTP server goes away; what it received so far is kept for the count. */
    synchronized void stopMail() {
        mailBeforeRestarts.addAll(mail.received());
        mail.stop();
    }

    synchronized void startMail() {
        mail.start();
    }

    /** Every message the mail sink received during the run, across its restarts. */
    synchronized List<MimeMessage> allMail() {
        List<MimeMessage> all = new ArrayList<>(mailBeforeRestarts);
        if (mail.isRunning()) {
            all.addAll(mail.received());
        }
        return all;
    }

    Connection database(Service service) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(service.database()), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
    }

    /**
     * Messages parked on dead-letter queues: stops the broker process and opens its journal here, where the
     * queues can be counted. Call last: the services lose their broker.
     */
    synchronized Map<String, Long> deadLetters() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(20));
            broker = null;
        }
        try (LocalBroker journal = LocalBroker.start(config.home().resolve("artemis"), config.infraPorts().amqp())) {
            return journal.deadLetterCounts();
        }
    }

    @Override
    public synchronized void close() {
        List<ProcessHandle> handles = new ArrayList<>();
        services.values().forEach(process -> handles.add(process.handle()));
        ServiceProcess.stopAll(handles, Duration.ofSeconds(20));
        services.clear();
        if (broker != null) {
            broker.stop(Duration.ofSeconds(20));
            broker = null;
        }
        mail.stop();
        postgres.stop();
    }

    private void awaitReady(List<ServiceProcess> processes) {
        ReadinessWait.requireReady(processes, READY_TIMEOUT, progress);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void wipe(Path home) {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + home, e);
        }
    }
}
