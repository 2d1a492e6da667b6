package dev.closeloop.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The held-digest phase against a stand-in for the engine's directory and escalation API. */
class HeldDigestPhaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOAH = """
            {"id":"noah-brooks","name":"Noah Brooks","email":"noah.brooks@acme.example","locale":"en-GB",
             "timeZone":"Europe/London","site":"manchester","channels":["EMAIL"],"workingHours":{}}""";
    private static final String RUN = "demo-20261204-101500";

    private HttpServer engine;
    private final List<String> puts = new CopyOnWriteArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<DemoSurvey> praise = DemoSurveys.heldPraise(RUN, 13, 1, Instant.parse("2026-12-04T10:15:00Z"));
    private HeldDigest digest;

    @BeforeEach
    void startTheEngineStandIn() throws IOException {
        engine = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        engine.createContext("/api/v1/admin/directory", exchange -> {
            if (exchange.getRequestMethod().equals("PUT")) {
                puts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                answer(exchange, "{}");
            } else {
                answer(exchange, "{\"managers\":[{\"id\":\"mia-jones\",\"email\":\"mia.jones@acme.example\"}," + NOAH
                        + "]}");
            }
        });
        engine.createContext("/api/v1/escalations", exchange -> answer(exchange,
                "{\"items\":[{\"id\":\"e1\",\"type\":\"ALL_FIVES\",\"status\":\"OPEN\"}]}"));
        engine.start();
        URI uri = URI.create("http://127.0.0.1:" + engine.getAddress().getPort());
        digest = new HeldDigest(new StackClient(uri, uri, uri, "key", "admin", "secret"), problems::add);
    }

    @AfterEach
    void stopIt() {
        engine.stop(0);
    }

    @Test
    void hisDayIsMovedToAMinuteAheadAndPutBackAsItWas() throws Exception {
        assertThat(digest.moveStartOfDay()).hasValueSatisfying(line -> assertThat(line).contains("Noah Brooks"));
        digest.restore();

        assertThat(problems).isEmpty();
        assertThat(digest.start()).isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(61));
        JsonNode moved = JSON.readTree(puts.get(0));
        String window = digest.clock(digest.start()) + "-24:00";
        assertThat(moved.path("workingHours").path("monday").get(0).asText()).isIn(window, null);
        assertThat(moved.path("email").asText()).isEqualTo("noah.brooks@acme.example");
        assertThat(JSON.readTree(puts.get(1))).isEqualTo(JSON.readTree(NOAH));
    }

    @Test
    void oneEmailNamingEveryCallSoonAfterHisDayStartsIsTheDigest() throws Exception {
        digest.moveStartOfDay();
        digest.posted(praise);
        Instant start = digest.start();
        List<MailboxWatcher.Seen> emails = List.of(seen(0, 1, start.plusSeconds(2)), seen(1, 1, start.plusSeconds(2)));

        assertThat(digest.settled(emails, start.minusSeconds(1))).isFalse();
        assertThat(digest.settled(List.of(emails.get(0)), start.plusSeconds(3))).isFalse();
        assertThat(digest.settled(emails, start.plusSeconds(3))).isTrue();
        assertThat(digest.summarize(emails)).anySatisfy(line -> assertThat(line)
                .contains("before it: nothing to noah.brooks@acme.example; after it: 1 email, the first 2.0 s later, "
                        + "naming both calls"));
        assertThat(problems).isEmpty();
        assertThat(digest.expectedEmails()).containsEntry(Expectations.HELD_MANAGER, 1);
        digest.restore();
    }

    @Test
    void praiseSentBeforeHisDayStartsOrOneEmailPerCallIsAProblem() throws Exception {
        digest.moveStartOfDay();
        digest.posted(praise);
        Instant start = digest.start();
        List<MailboxWatcher.Seen> emails = List.of(seen(0, 1, start.minusSeconds(55)),
                seen(1, 2, start.minusSeconds(54)));

        assertThat(digest.settled(emails, start.minusSeconds(1))).isFalse();
        assertThat(digest.settled(emails, start.plus(HeldDigest.SENT_WITHIN).plusSeconds(1))).isTrue();
        digest.summarize(emails);
        digest.restore();

        assertThat(problems).hasSize(3).anySatisfy(p -> assertThat(p).contains("before his day started"))
                .anySatisfy(p -> assertThat(p).contains("2 emails to noah.brooks@acme.example about the held praise "
                        + "instead of one digest"));
    }

    private MailboxWatcher.Seen seen(int call, int message, Instant at) {
        return new MailboxWatcher.Seen(Expectations.HELD_MANAGER, praise.get(call).surveyId(), message, at);
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
