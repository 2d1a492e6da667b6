package dev.closeloop.escalation.recordings;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The recording-service's internal API as a JDK HTTP server on a free port, answering what the test tells it
 * to, and keeping the requests it was sent. The engine's REST client is pointed at it.
 */
public class FakeRecordingService implements QuarkusTestResourceLifecycleManager {

    /** One request as it arrived. */
    public record Received(String method, String path, String authorization, String body) {
    }

    private static HttpServer server;
    private static ExecutorService executor;
    private static int port;
    private static volatile int status = 201;
    private static volatile String answer = "{}";
    /** While set, requests get no answer until it is counted down: a recording-service that hangs. */
    private static volatile CountDownLatch hold;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            port = listen(0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake recording-service", e);
        }
        return Map.of("quarkus.rest-client.recordings.url", "http://127.0.0.1:" + port);
    }

    @Override
    public void stop() {
        release();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    static void answer(int newStatus, String json) {
        status = newStatus;
        answer = json;
        hold = null;
    }

    static CountDownLatch hang() {
        hold = new CountDownLatch(1);
        return hold;
    }

    static void release() {
        CountDownLatch latch = hold;
        if (latch != null) {
            latch.countDown();
        }
    }

    static List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    static void forget() {
        RECEIVED.clear();
    }

    /** Closes the port, so connections are refused; {@link #reopen()} listens on it again. */
    static void close() {
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }

    static void reopen() throws IOException {
        listen(port);
    }

    private static int listen(int onPort) throws IOException {
        executor = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        server.setExecutor(executor);
        server.createContext("/", FakeRecordingService::handle);
        server.start();
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
