package dev.closeloop.localstack.testing;

import java.util.Map;

import dev.closeloop.localstack.MailSink;
import dev.closeloop.localstack.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) for {@code @QuarkusTest}s, with the Quarkus mailer pointed at it. */
public class MailSinkTestResource implements QuarkusTestResourceLifecycleManager {

    private static MailSink shared;

    static synchronized MailSink shared() {
        if (shared == null) {
            shared = MailSink.start(Ports.free(), Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-test-mail-sink"));
        } else if (!shared.isRunning()) {
            shared.start();
        }
        return shared;
    }

    @Override
    public Map<String, String> start() {
        MailSink sink = shared();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(sink.smtpPort()),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(shared(),
                new TestInjector.AnnotatedAndMatchesType(LocalStackComponent.class, MailSink.class));
    }

    @Override
    public void stop() {
        // shared by the JVM's test classes; stopped by the shutdown hook
    }
}
