package dev.closeloop.localstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An embedded Apache ActiveMQ Artemis speaking AMQP 1.0, persistent, configured the way Closeloop
 * expects any broker to be:
 * <ul>
 * <li>addresses and queues auto-created ANYCAST, so a message sent before its consumer attaches
 * waits in the queue instead of being dropped (the MULTICAST default would drop it);</li>
 * <li>bounded redelivery with back-off, then the dead-letter address {@value #DEAD_LETTER_ADDRESS}
 * (one auto-created queue per original address), so a poison message is parked, never lost.</li>
 * </ul>
 */
public final class LocalBroker implements AutoCloseable {

    public static final String DEAD_LETTER_ADDRESS = "DLQ";
    public static final int MAX_DELIVERY_ATTEMPTS = 5;

    private final Path dataDirectory;
    private final int port;
    private EmbeddedActiveMQ broker;

    private LocalBroker(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    public static LocalBroker start(Path dataDirectory, int port) {
        LocalBroker local = new LocalBroker(dataDirectory, port);
        local.start();
        return local;
    }

    /** Starts (again, after {@link #stop()}) with the same port and journal: persisted messages survive. */
    public synchronized void start() {
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(configuration());
        try {
            embedded.start();
            // start() does not throw when activation fails: check, and fail fast.
            if (!embedded.getActiveMQServer().waitForActivation(30, TimeUnit.SECONDS)
                    || !embedded.getActiveMQServer().isStarted()) {
                embedded.stop();
                throw new IllegalStateException("Artemis did not activate on port " + port);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Artemis did not start on port " + port + ": " + e.getMessage(), e);
        }
        broker = embedded;
    }

    public synchronized void stop() {
        if (broker != null) {
            try {
                broker.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Artemis did not stop cleanly", e);
            } finally {
                broker = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return broker != null;
    }

    public int port() {
        return port;
    }

    /** Messages waiting in the queue of an address, or 0 when it has none. */
    public synchronized long messageCount(String queue) {
        if (broker == null) {
            return 0;
        }
        var binding = broker.getActiveMQServer().locateQueue(SimpleString.of(queue));
        return binding == null ? 0 : binding.getMessageCount();
    }

    /**
     * Messages parked on each dead-letter queue, by queue name (one per original address, under
     * {@value #DEAD_LETTER_ADDRESS}); empty when nothing was ever dead-lettered.
     */
    public synchronized Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new TreeMap<>();
        if (broker == null) {
            return counts;
        }
        var server = broker.getActiveMQServer();
        var binding = server.getPostOffice();
        try {
            for (var name : binding.getAddresses()) {
                if (!name.toString().equals(DEAD_LETTER_ADDRESS)) {
                    continue;
                }
                for (var queue : server.bindingQuery(name).getQueueNames()) {
                    var found = server.locateQueue(queue);
                    counts.put(queue.toString(), found == null ? 0 : found.getMessageCount());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dead-letter queues", e);
        }
        return counts;
    }

    private Configuration configuration() {
        Configuration config = new ConfigurationImpl()
                .setName("closeloop-local")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(dataDirectory.resolve("journal").toString())
                .setBindingsDirectory(dataDirectory.resolve("bindings").toString())
                .setPagingDirectory(dataDirectory.resolve("paging").toString())
                .setLargeMessagesDirectory(dataDirectory.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dataDirectory.resolve("lock").toString())
                .setJMXManagementEnabled(false)
                .setGracefulShutdownEnabled(true)
                .setGracefulShutdownTimeout(5_000);
        try {
            config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        config.addAddressSetting("#", new AddressSettings()
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteAddresses(false)
                .setAutoDeleteQueues(false)
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(30_000)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER_ADDRESS))
                .setAutoCreateDeadLetterResources(true));
        return config;
    }
}
