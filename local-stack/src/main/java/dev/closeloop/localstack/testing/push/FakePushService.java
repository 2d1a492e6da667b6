package dev.closeloop.localstack.testing.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service on localhost for tests: every browser's endpoint is {@code http://localhost:<port>/push/<id>}.
 * It records each request (headers and encrypted body) and answers what the test scripted for the endpoint,
 * 201 Created when nothing is scripted. The test checks what was recorded.
 */
public final class FakePushService implements AutoCloseable {

    /** One POST the push service received. */
    public record Received(String endpoint, Headers headers, byte[] body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

    public FakePushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/push/", this::handle);
        server.start();
    }

    /** A new endpoint, as a browser's subscription would name it. */
    public String newEndpoint() {
        return "http://localhost:" + server.getAddress().getPort() + "/push/" + UUID.randomUUID();
    }

    /** The endpoint answers these statuses, one per request, then 201. */
    public void answer(String endpoint, Integer... statuses) {
        scripted.computeIfAbsent(endpoint, e -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    public List<Received> receivedAt(String endpoint) {
        List<Received> found = new ArrayList<>();
        for (Received request : received) {
            if (request.endpoint().equals(endpoint)) {
                found.add(request);
            }
        }
        return found;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String endpoint = "http://localhost:" + server.getAddress().getPort() + exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (exchange.getRequestMethod().equals("POST")) {
            received.add(new Received(endpoint, exchange.getRequestHeaders(), body));
        }
        Deque<Integer> statuses = scripted.get(endpoint);
        Integer status = statuses == null ? null : statuses.poll();
        exchange.sendResponseHeaders(status == null ? 201 : status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
