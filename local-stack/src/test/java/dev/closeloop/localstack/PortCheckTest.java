package dev.closeloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aTakenPortIsReportedWithWhatItIsFor() throws Exception {
        int free = Ports.free();
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<Integer, String> needed = new LinkedHashMap<>();
            needed.put(free, "SMTP of the mail sink");
            needed.put(squatter.getLocalPort(), "AMQP broker, Artemis");

            assertThat(PortCheck.conflicts(needed)).extracting(PortCheck.Conflict::message)
                    .containsExactly("port " + squatter.getLocalPort() + " (AMQP broker, Artemis) is already in use");
        }
    }

    @Test
    void theLocalStackNeedsItsEightFixedPortsEachWithItsPurpose() {
        Map<Integer, String> needed = PortCheck.needed(StackConfig.localDefaults(Path.of("/repo")));

        assertThat(needed).containsExactly(
                Map.entry(55432, "PostgreSQL"),
                Map.entry(5672, "AMQP broker, Artemis"),
                Map.entry(3025, "SMTP of the mail sink"),
                Map.entry(3143, "IMAP of the mail sink"),
                Map.entry(8081, "survey-intake"),
                Map.entry(8082, "escalation-engine"),
                Map.entry(8083, "notification-service"),
                Map.entry(8084, "recording-service"));
    }
}
