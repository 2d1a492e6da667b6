package dev.closeloop.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Before starting anything: which of the ports the stack needs are taken, and what each one is for. */
public final class PortCheck {

    private PortCheck() {
    }

    /** A port the stack needs that something else already uses. */
    public record Conflict(int port, String purpose) {

        public String message() {
            return "port " + port + " (" + purpose + ") is already in use";
        }
    }

    /** Every port of the stack with what it is for, in the order they are started. */
    public static Map<Integer, String> needed(StackConfig config) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        InfraPorts infra = config.infraPorts();
        ports.put(infra.postgres(), "PostgreSQL");
        ports.put(infra.amqp(), "AMQP broker, Artemis");
        ports.put(infra.smtp(), "SMTP of the mail sink");
        ports.put(infra.imap(), "IMAP of the mail sink");
        for (Service service : Service.values()) {
            ports.put(config.port(service), service.moduleName());
        }
        return ports;
    }

    public static List<Conflict> conflicts(Map<Integer, String> purposeByPort) {
        List<Conflict> conflicts = new ArrayList<>();
        purposeByPort.forEach((port, purpose) -> {
            if (isTaken(port)) {
                conflicts.add(new Conflict(port, purpose));
            }
        });
        return conflicts;
    }

    /** Taken when we cannot bind it, or when something on this machine accepts connections on it. */
    public static boolean isTaken(int port) {
        return !Ports.isFree(port) || acceptsConnections(port);
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
