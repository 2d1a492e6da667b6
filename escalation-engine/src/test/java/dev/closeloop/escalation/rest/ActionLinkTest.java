package dev.closeloop.escalation.rest;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.submitted;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.EngineBroker;
import dev.closeloop.escalation.actions.ActionLinks;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EscalationsRaised;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The one-tap acknowledge link of the alert email, taken from the EscalationsRaised the engine publishes:
 * GET shows and never changes, POST acknowledges once as the recipient, and links that are forged,
 * tampered with, expired or aimed at another tenant change nothing.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class ActionLinkTest {

    static final Instant NOW = Instant.parse("2030-01-15T09:30:00Z");
    /** NOW as Mia (Europe/London) reads it. */
    static final String NOW_IN_LONDON = "Tue 15 Jan 2030, 09:30 GMT";
    static final String MIA = "mia.jones@acme.example";
    static final String PUBLIC_URL = "http://localhost:8082";

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    @Inject
    ActionLinks links;

    EngineBroker broker;

    @BeforeEach
    void connectAndSetTheClock() {
        broker = EngineBroker.connect(amqpHost, amqpPort);
        QuarkusMock.installMockForType(Clock.fixed(NOW, ZoneOffset.UTC), Clock.class);
    }

    @Test
    void openingTheLinkShowsTheEscalationAndItsFormButAcknowledgesNothing() {
        Raised raised = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1, 4));
        assertThat(raised.url()).startsWith(PUBLIC_URL + "/a/");

        for (int prefetch = 0; prefetch < 3; prefetch++) {
            Response page = given().get(raised.path());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertPrivate(page);
            assertThat(page.body().asString()).contains("Poor score — Dana Smith",
                    "q1: How satisfied were you with the call overall? = 1", "Dana Smith", "CUST-991",
                    "+441632960001", "Sam Lee (csr-17)", "billing-uk", "manchester", "Open",
                    "<form id=\"acknowledge\" method=\"post\" action=\"" + raised.token() + "\">",
                    ">Acknowledge</button>", "Times are in Europe/London");
            String nonce = nonceOf(page);
            assertThat(page.body().asString())
                    .contains("<script nonce=\"" + nonce + "\">document.getElementById('acknowledge').submit();");
        }

        admin().get("/api/v1/escalations/{id}", raised.id())
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"))
                .body("timeline.kind", contains("RAISED"));
    }

    @Test
    void postingAcknowledgesOnceAsTheRecipientAndThePageItRedirectsToSaysByYou() {
        Raised raised = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));

        Response posted = post(raised.path());

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.header("Location")).isEqualTo(raised.token() + "?acknowledged=1");
        assertThat(posted.header("Cache-Control")).isEqualTo("no-store");
        Response page = given().get("/a/" + posted.header("Location"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertPrivate(page);
        assertThat(page.body().asString()).contains("Acknowledged by you at " + NOW_IN_LONDON + ".")
                .contains("Acknowledged</dd>").doesNotContain("<form", "<script");
        admin().get("/api/v1/escalations/{id}", raised.id())
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(MIA))
                .body("acknowledgedAt", equalTo(NOW.toString()))
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED"))
                .body("timeline[1].actor", equalTo(MIA))
                .body("timeline[1].at", equalTo(NOW.toString()))
                .body("timeline[1].detail", equalTo("acknowledged from the alert email"));
    }

    @Test
    void aSecondTapChangesNothingAndSaysWhoAcknowledged() {
        Raised raised = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        assertThat(post(raised.path()).statusCode()).isEqualTo(303);
        QuarkusMock.installMockForType(Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC), Clock.class);

        Response again = post(raised.path());

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).isEqualTo(raised.token());
        assertThat(given().get("/a/" + again.header("Location")).body().asString())
                .contains("Already acknowledged by you (" + MIA + ") at " + NOW_IN_LONDON + ".")
                .doesNotContain("<form");
        admin().get("/api/v1/escalations/{id}", raised.id())
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("acknowledgedAt", equalTo(NOW.toString()))
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED"));
    }

    @Test
    void aLinkUsedAfterSomeoneElseAcknowledgedNamesThemAndChangesNothing() {
        Raised raised = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        admin().header("If-Match", "\"0\"").post("/api/v1/escalations/{id}/acknowledge", raised.id())
                .then().statusCode(200);

        Response posted = post(raised.path());

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(given().get("/a/" + posted.header("Location")).body().asString())
                .contains("Already acknowledged by admin@acme.example at " + NOW_IN_LONDON + ".")
                .doesNotContain("by you", "<form");
        admin().get("/api/v1/escalations/{id}", raised.id())
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("acknowledgedBy", equalTo("admin@acme.example"))
                .body("timeline.actor", contains("escalation-engine", "admin@acme.example"));
    }

    @Test
    void whenTheEscalationMovedOnThePageSaysSo() {
        Raised raised = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        admin().header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("outcome", "NO_ACTION_NEEDED"))
                .post("/api/v1/escalations/{id}/resolve", raised.id())
                .then().statusCode(200);

        assertThat(post(raised.path()).statusCode()).isEqualTo(303);

        assertThat(given().get(raised.path()).body().asString())
                .contains("Already acknowledged by admin@acme.example at " + NOW_IN_LONDON)
                .contains("It has since been resolved as NO_ACTION_NEEDED by admin@acme.example at " + NOW_IN_LONDON)
                .contains("Resolved (NO_ACTION_NEEDED)")
                .doesNotContain("<form");
        admin().get("/api/v1/escalations/{id}", raised.id())
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED", "RESOLVED"));
    }

    @Test
    void twoTapsAtOnceAcknowledgeExactlyOnce() throws Exception {
        Raised raised = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> taps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                taps.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return post(raised.path()).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> tap : taps) {
                assertThat(tap.get()).isEqualTo(303);
            }
        } finally {
            pool.shutdownNow();
        }

        admin().get("/api/v1/escalations/{id}", raised.id())
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("timeline.kind", contains("RAISED", "ACKNOWLEDGED"));
    }

    @Test
    void aTamperedOrMadeUpLinkIs404AndChangesNothing() {
        Raised raised = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        String token = raised.token();
        char first = token.charAt(5);
        String tampered = token.substring(0, 5) + (first == 'A' ? 'B' : 'A') + token.substring(6);

        for (String path : List.of("/a/" + tampered, "/a/not-a-token", "/a/" + token + "x",
                "/a/" + token.substring(0, token.indexOf('.')))) {
            Response page = given().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertPrivate(page);
            assertThat(page.body().asString()).contains("Link not valid").doesNotContain("Dana Smith");
            assertThat(post(path).statusCode()).as(path).isEqualTo(404);
        }

        assertStillOpen(admin(), raised.id());
    }

    @Test
    void anExpiredLinkIs410AndChangesNothing() {
        Raised raised = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        QuarkusMock.installMockForType(Clock.fixed(NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC), Clock.class);

        Response page = given().get(raised.path());
        assertThat(page.statusCode()).isEqualTo(410);
        assertPrivate(page);
        assertThat(page.body().asString()).contains("This link has expired", "Open the escalation in Closeloop")
                .doesNotContain("Dana Smith", "<form");
        assertThat(post(raised.path()).statusCode()).isEqualTo(410);

        assertStillOpen(admin(), raised.id());
        QuarkusMock.installMockForType(Clock.fixed(NOW.plus(Duration.ofDays(3)).minusSeconds(1), ZoneOffset.UTC),
                Clock.class);
        assertThat(given().get(raised.path()).statusCode()).as("a second earlier it still works").isEqualTo(200);
    }

    @Test
    void aLinkCannotReachAnotherTenantsEscalationNorBeUsedBySomeoneNotAlerted() {
        Raised acme = raise(survey(newSurveyId(), "billing-uk", NO_FLAGS, 1));
        Raised globex = raise("globex", survey(newSurveyId(), "helpdesk", NO_FLAGS, 1), "gus.grant@globex.example");

        List<String> foreign = List.of(
                // globex's manager, signed for acme's escalation as if it were globex's
                links.acknowledgeUrl("globex", UUID.fromString(acme.id()), "gus-grant", "gus.grant@globex.example"),
                // acme's manager, signed for globex's escalation under acme
                links.acknowledgeUrl("acme", UUID.fromString(globex.id()), "mia-jones", MIA),
                // an acme manager who was not alerted about this escalation
                links.acknowledgeUrl("acme", UUID.fromString(acme.id()), "carlos-ruiz", "carlos.ruiz@acme.example"));
        for (String url : foreign) {
            String path = url.substring(PUBLIC_URL.length());
            assertThat(given().get(path).statusCode()).as(url).isEqualTo(404);
            assertThat(post(path).statusCode()).as(url).isEqualTo(404);
        }

        assertStillOpen(admin(), acme.id());
        assertStillOpen(globexAdmin(), globex.id());
    }

    @Test
    void everyValueOnThePageIsEscaped() {
        Survey plain = survey(newSurveyId(), "billing-uk", NO_FLAGS, 1);
        Survey hostile = new Survey(plain.surveyId(), plain.completedAt(), plain.call(),
                new Survey.Customer("CUST-<b>", "<script>alert('x')</script>", "\"><img src=x>", null),
                new Survey.Agent("csr-17", "Sam <i>Lee</i>", "billing-uk", "manchester"), plain.answers(),
                plain.comment(), plain.csr());
        Raised raised = raise(hostile);

        String page = given().get(raised.path()).body().asString();

        assertThat(page).doesNotContain("<script>alert", "<img", "<b>", "<i>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&quot;&gt;&lt;img src=x&gt;",
                        "Sam &lt;i&gt;Lee&lt;/i&gt;");
    }

    record Raised(String id, String url) {
        String token() {
            return url.substring(url.lastIndexOf('/') + 1);
        }

        String path() {
            return "/a/" + token();
        }
    }

    private Raised raise(Survey survey) {
        return raise("acme", survey, MIA);
    }

    /** Sends the survey as survey-intake would; its one escalation and the recipient's link from the announcement. */
    private Raised raise(String tenant, Survey survey, String recipient) {
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted(tenant, survey)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !broker.raisedFor(survey.surveyId()).isEmpty());
        EscalationsRaised announced = broker.raisedFor(survey.surveyId()).get(0).payload();
        assertThat(announced.escalations()).hasSize(1);
        String id = announced.escalations().get(0).escalationId();
        Recipient to = announced.recipients().stream().filter(r -> r.email().equals(recipient)).findFirst()
                .orElseThrow();
        assertThat(to.acknowledgeUrls()).containsOnlyKeys(id);
        return new Raised(id, to.acknowledgeUrls().get(id));
    }

    private static Response post(String path) {
        // as a browser submits the form: urlencoded, nothing in it
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post(path);
    }

    private static void assertPrivate(Response page) {
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "form-action 'self'")
                .containsPattern("script-src 'nonce-[A-Za-z0-9+/=]{20,}'");
        assertThat(page.body().asString()).doesNotContain("http://", "https://");
    }

    private static String nonceOf(Response page) {
        Matcher matcher = Pattern.compile("'nonce-([^']+)'").matcher(page.header("Content-Security-Policy"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static void assertStillOpen(RequestSpecification reader, String id) {
        reader.get("/api/v1/escalations/{id}", id)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"))
                .body("timeline", hasSize(1));
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin@acme.example", "closeloop-admin");
    }

    private static RequestSpecification globexAdmin() {
        return given().auth().preemptive().basic("admin@globex.example", "globex-admin");
    }
}
