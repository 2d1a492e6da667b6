package dev.closeloop.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL (one database per service), the Artemis broker and the mail sink, started together in this
 * JVM and stopped together in reverse order. {@code ./closeloop up} runs it in a background process of
 * its own; an end-to-end test runs it in the test JVM through {@link Stack}.
 */
public final class Infrastructure implements AutoCloseable {

    private final InfraPorts ports;
    private LocalPostgres postgres;
    private LocalBroker broker;
    private MailSink mailSink;

    private Infrastructure(InfraPorts ports) {
        this.ports = ports;
    }

    /** Starts everything with its data under {@code home/postgres} and {@code home/artemis}. */
    public static Infrastructure start(Path home, InfraPorts ports) {
        Infrastructure infra = new Infrastructure(ports);
        try {
            infra.postgres = LocalPostgres.start(home.resolve("postgres"), ports.postgres());
            for (Service service : Service.values()) {
                infra.postgres.createDatabase(service.database());
            }
            infra.broker = LocalBroker.start(home.resolve("artemis"), ports.amqp());
            infra.mailSink = MailSink.start(ports.smtp(), ports.imap());
            return infra;
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
    }

    public InfraPorts ports() {
        return ports;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalBroker broker() {
        return broker;
    }

    public MailSink mailSink() {
        return mailSink;
    }

    /** Mail sink, broker, then PostgreSQL; each is stopped even when another fails to. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable component : new AutoCloseable[] { mailSink, broker, postgres }) {
            if (component != null) {
                try {
                    component.close();
                } catch (Exception e) {
                    failures.add(new IllegalStateException(component.getClass().getSimpleName()
                            + " did not stop cleanly: " + e.getMessage(), e));
                }
            }
        }
        mailSink = null;
        broker = null;
        postgres = null;
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
