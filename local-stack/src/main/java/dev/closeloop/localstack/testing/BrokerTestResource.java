package dev.closeloop.localstack.testing;

import java.util.Map;

import dev.closeloop.localstack.LocalBroker;
import dev.closeloop.localstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Artemis broker speaking AMQP 1.0 for {@code @QuarkusTest}s, one per test JVM. A test can take
 * it with {@link LocalStackComponent} to stop and restart it; it restarts on the same port and journal.
 */
public class BrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static LocalBroker shared;

    static synchronized LocalBroker shared() {
        if (shared == null) {
            shared = LocalBroker.start(TestScratch.fresh("artemis"), Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-test-broker"));
        } else if (!shared.isRunning()) {
            shared.start();
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        LocalBroker broker = shared();
        return Map.of(
                "amqp-host", "127.0.0.1",
                "amqp-port", String.valueOf(broker.port()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(shared(),
                new TestInjector.AnnotatedAndMatchesType(LocalStackComponent.class, LocalBroker.class));
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes; stopped by the shutdown hook
    }
}
