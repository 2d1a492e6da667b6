package dev.closeloop.escalation.rest;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.TestSurveys;
import dev.closeloop.escalation.service.EscalationService;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The live feed over real PostgreSQL LISTEN/NOTIFY: a client connected as a manager hears of a new
 * escalation and of its acknowledgement within moments, and a client of another tenant hears of neither.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class EscalationFeedTest {

    static final Duration LIVE = Duration.ofSeconds(5);

    @TestHTTPResource("/api/v1/escalations/feed")
    URL feedUrl;

    @Inject
    EscalationService escalations;
    @Inject
    Pool pool;

    final HttpClient http = HttpClient.newHttpClient();
    final List<CompletableFuture<HttpResponse<Stream<String>>>> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeFeeds() {
        open.forEach(response -> response.thenAccept(r -> r.body().close()));
    }

    @Test
    void aManagerHearsOfANewEscalationAndOfItsAcknowledgementAndAnotherTenantOfNeither() throws Throwable {
        List<String> acme = listen("mia.jones@acme.example", "closeloop-manager");
        List<String> globex = listen("admin@globex.example", "globex-admin");

        Survey survey = survey(newSurveyId(), "billing-uk", NO_FLAGS, 1);
        VertxContextSupport.subscribeAndAwait(() -> escalations.raise(TestSurveys.submitted("acme", survey)));
        String id = pool.preparedQuery("SELECT id::text FROM escalation WHERE survey_id = $1")
                .execute(Tuple.of(survey.surveyId())).await().indefinitely().iterator().next().getString(0);

        await().atMost(LIVE).until(() -> acme.stream().anyMatch(e -> e.contains(id) && e.contains("\"RAISED\"")));
        given().auth().preemptive().basic("mia.jones@acme.example", "closeloop-manager").header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body("{}").post("/api/v1/escalations/{id}/acknowledge", id)
                .then().statusCode(200);
        await().atMost(LIVE).until(() -> acme.stream().anyMatch(e -> e.contains(id) && e.contains("\"ACKNOWLEDGED\"")));

        assertThat(acme).allSatisfy(event -> assertThat(event).contains("\"tenant\":\"acme\""));
        assertThat(globex).noneMatch(event -> event.contains(id));
    }

    @Test
    void theFeedNeedsAnAccount() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(feedUrl.toURI())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    /** Opens the feed as the account; returns the events' data lines as they arrive. */
    private List<String> listen(String username, String password) throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(HttpRequest.newBuilder(
                URI.create(feedUrl.toString())).header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofLines());
        open.add(response);
        response.thenAccept(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            CompletableFuture.runAsync(() -> r.body().filter(line -> line.startsWith("data:"))
                    .forEach(line -> events.add(line.substring(5).strip())));
        });
        // subscribed once the response has started: the server then holds the LISTEN-fed stream open
        await().atMost(LIVE).until(response::isDone);
        return events;
    }
}
