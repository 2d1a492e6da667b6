package dev.closeloop.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a packaged service in the launcher tests: listens on QUARKUS_HTTP_PORT, answers
 * /q/health/ready, and shows its environment at /env/NAME. FAKE_MODE=exit ends at once with code 3,
 * FAKE_MODE=never-ready answers 503, FAKE_MODE=ignore-term keeps running after SIGTERM.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        String mode = System.getenv().getOrDefault("FAKE_MODE", "normal");
        System.out.println("fake service starting, mode " + mode);
        if (mode.equals("exit")) {
            System.out.println("boom: cannot connect to the database");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(
                new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"))), 0);
        server.createContext("/q/health/ready", exchange -> respond(exchange.getResponseBody(), exchange,
                mode.equals("never-ready") ? 503 : 200, "{\"status\":\"UP\"}"));
        server.createContext("/env/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/env/".length());
            respond(exchange.getResponseBody(), exchange, 200, String.valueOf(System.getenv(name)));
        });
        server.start();
        if (mode.equals("ignore-term")) {
            CountDownLatch never = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("ignoring TERM");
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        System.out.println("fake service ready");
    }

    private static void respond(OutputStream body, com.sun.net.httpserver.HttpExchange exchange, int status,
            String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        body.write(bytes);
        body.close();
    }

    /** The command that runs it with the test class path. */
    public static java.util.List<String> command() {
        return java.util.List.of(ServiceProcess.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                FakeService.class.getName());
    }
}
