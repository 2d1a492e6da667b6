package dev.closeloop.escalation.console;

import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.submitted;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.EngineBroker;
import dev.closeloop.events.Channels;
import dev.closeloop.events.EventCodec;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The console over HTTP: who gets in and how, that every change needs the session AND the CSRF token AND the
 * version the manager saw, and that tenants stay apart. The browser tests (end-to-end-tests) drive the same pages
 * in Chromium; these pin the security rules a browser would not show.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class ConsoleTest {

    static final String SESSION = "closeloop-session";
    static final String CSRF = "closeloop-csrf";
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @ConfigProperty(name = "amqp-host")
    String amqpHost;
    @ConfigProperty(name = "amqp-port")
    int amqpPort;

    EngineBroker broker;

    @BeforeEach
    void connect() {
        broker = EngineBroker.connect(amqpHost, amqpPort);
    }

    @Test
    void pagesSendAnyoneWithoutASessionToTheLoginForm() {
        for (String path : new String[] { "/console", "/console/reports", "/console/recognition", "/console/feed",
                "/console/escalations/" + java.util.UUID.randomUUID() }) {
            given().redirects().follow(false).get(path)
                    .then().statusCode(302).header("Location", containsString("/console/login"));
        }
        given().get("/console/login").then().statusCode(200)
                .body(containsString("j_security_check"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void logInSetsAStrictHttpOnlySessionCookieAndAWrongPasswordDoesNot() {
        Response ok = login("mia.jones@acme.example", "closeloop-manager");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.header("Location")).endsWith("/console");
        String setCookie = String.join("\n", ok.headers().getValues("Set-Cookie"));
        assertThat(setCookie).contains(SESSION + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");

        Response wrong = login("mia.jones@acme.example", "not-her-password");
        assertThat(wrong.statusCode()).isIn(302, 303);
        assertThat(wrong.header("Location")).contains("/console/login?error=true");
        assertThat(wrong.getCookie(SESSION)).isNull();
    }

    @Test
    void theApiTakesBasicCredentialsOnlyNeverTheConsoleCookie() {
        String session = session("mia.jones@acme.example", "closeloop-manager");
        given().cookie(SESSION, session).get("/api/v1/escalations").then().statusCode(401);
        given().auth().preemptive().basic("mia.jones@acme.example", "closeloop-manager")
                .get("/api/v1/escalations").then().statusCode(200);
    }

    @Test
    void theFeedListsTheTenantsEscalationsWithItsFilters() {
        Survey negative = negative();
        String id = raise(negative);
        Browser mia = Browser.logIn("mia.jones@acme.example", "closeloop-manager");

        mia.get("/console").then().statusCode(200)
                .body(containsString("data-escalation-id=\"" + id + "\""))
                .body(containsString("Mia Jones"));
        mia.get("/console/rows?type=LEAD").then().statusCode(200)
                .body(not(containsString(id)));
        mia.get("/console?type=NOT_A_TYPE&team=no-such-team").then().statusCode(200)
                .body(containsString("Not applied: type"))
                .body(containsString("there is no team &#39;no-such-team&#39;"));

        Browser globex = Browser.logIn("admin@globex.example", "globex-admin");
        globex.get("/console").then().statusCode(200).body(not(containsString(id)));
        globex.get("/console/escalations/" + id).then().statusCode(404);
    }

    @Test
    void acknowledgingNeedsTheCsrfTokenAndTheVersionSeen() {
        String id = raise(negative());
        Browser mia = Browser.logIn("mia.jones@acme.example", "closeloop-manager");
        String page = mia.get("/console/escalations/" + id).then().statusCode(200)
                .body(containsString("id=\"acknowledge\""))
                // no recording-service in this test: the page still works and says why there is no player
                .body(containsString("The recording cannot be reached right now"))
                .extract().asString();
        String token = csrfToken(page);

        // the session alone is not enough: a form from anywhere else has no token
        mia.post("/console/escalations/" + id + "/acknowledge", Map.of("version", "0")).then().statusCode(400)
                .body(containsString("Nothing was changed"));
        mia.post("/console/escalations/" + id + "/acknowledge", Map.of("version", "0", "csrf-token", "forged"))
                .then().statusCode(400);
        api().get("/api/v1/escalations/{id}", id).then().body("status", equalTo("OPEN"));

        // a version someone else moved past shows the page as it is now, changing nothing
        mia.post("/console/escalations/" + id + "/acknowledge", Map.of("version", "7", "csrf-token", token))
                .then().statusCode(412).body(containsString("Someone changed this escalation"));

        mia.post("/console/escalations/" + id + "/acknowledge", Map.of("version", "0", "csrf-token", token))
                .then().statusCode(303).header("Location", containsString("/console/escalations/" + id));
        api().get("/api/v1/escalations/{id}", id).then()
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("mia.jones@acme.example"));

        // twice is a conflict the page explains
        mia.post("/console/escalations/" + id + "/acknowledge", Map.of("version", "1", "csrf-token", token))
                .then().statusCode(409).body(containsString("cannot be acknowledged twice"));
    }

    @Test
    void resolvingWithAnOutcomeThatDoesNotFitIsRefusedAndNamed() {
        String id = raise(negative());
        Browser mia = Browser.logIn("mia.jones@acme.example", "closeloop-manager");
        String token = csrfToken(mia.get("/console/escalations/" + id).then().statusCode(200).extract().asString());

        mia.post("/console/escalations/" + id + "/resolve", Map.of("version", "0", "csrf-token", token,
                "outcome", "LEAD_WON")).then().statusCode(400).body(containsString("LEAD_WON does not fit"));
        mia.post("/console/escalations/" + id + "/notes", Map.of("version", "0", "csrf-token", token,
                "text", " ")).then().statusCode(400).body(containsString("text: write the note first"));
        mia.post("/console/escalations/" + id + "/resolve", Map.of("version", "0", "csrf-token", token,
                "outcome", "NO_ACTION_NEEDED")).then().statusCode(303);
        api().get("/api/v1/escalations/{id}", id).then().body("status", equalTo("RESOLVED"))
                .body("outcome", equalTo("NO_ACTION_NEEDED"));
    }

    @Test
    void reportsAndTheRecognitionWallRender() {
        raise(negative());
        Browser mia = Browser.logIn("mia.jones@acme.example", "closeloop-manager");
        mia.get("/console/reports").then().statusCode(200)
                .body(containsString("data-metric=\"total\""))
                .body(containsString("id=\"by-team\""));
        mia.get("/console/reports/live?period=WEEK").then().statusCode(200)
                .body(containsString("Last 7 days"));
        mia.get("/console/recognition").then().statusCode(200).body(containsString("Recognition wall"));
    }

    @Test
    void aManagerSubscribesABrowserToPushAndTheSubscriptionGoesToTheNotificationService() {
        Browser mia = Browser.logIn("mia.jones@acme.example", "closeloop-manager");
        String token = csrfToken(mia.get("/console").then().statusCode(200).extract().asString());
        String endpoint = "https://push.example/send/" + java.util.UUID.randomUUID();
        // a real browser's key sizes: a 65-byte uncompressed P-256 point, a 16-byte secret
        byte[] point = new byte[65];
        point[0] = 0x04;
        String p256dh = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(point);
        String auth = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);

        mia.post("/console/push/subscribe", Map.of("endpoint", endpoint, "p256dh", p256dh, "auth", auth))
                .then().statusCode(400);
        mia.post("/console/push/subscribe", Map.of("csrf-token", token, "endpoint", endpoint, "p256dh", "short",
                "auth", auth)).then().statusCode(400).body(containsString("p256dh"));
        Browser admin = Browser.logIn("admin@acme.example", "closeloop-admin");
        String adminToken = csrfToken(admin.get("/console").then().statusCode(200).extract().asString());
        admin.post("/console/push/subscribe", Map.of("csrf-token", adminToken, "endpoint", endpoint, "p256dh",
                p256dh, "auth", auth)).then().statusCode(403).body(containsString("not a manager"));
        assertThat(broker.pushSubscriptionsOf(endpoint)).as("nothing published for refused requests").isEmpty();

        mia.post("/console/push/subscribe", Map.of("csrf-token", token, "endpoint", endpoint, "p256dh", p256dh,
                "auth", auth)).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.pushSubscriptionsOf(endpoint).size() == 1);
        var subscribed = broker.pushSubscriptionsOf(endpoint).get(0);
        assertThat(subscribed.tenant()).isEqualTo("acme");
        assertThat(subscribed.payload().managerId()).isEqualTo("mia-jones");
        assertThat(subscribed.payload().active()).isTrue();
        assertThat(subscribed.payload().p256dh()).isEqualTo(p256dh);

        mia.post("/console/push/unsubscribe", Map.of("csrf-token", token, "endpoint", endpoint))
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.pushSubscriptionsOf(endpoint).size() == 2);
        assertThat(broker.pushSubscriptionsOf(endpoint).get(1).payload().active()).isFalse();
    }

    @Test
    void loggingOutEndsTheSession() {
        Browser mia = Browser.logIn("mia.jones@acme.example", "closeloop-manager");
        String token = csrfToken(mia.get("/console").then().statusCode(200).extract().asString());
        Response out = mia.post("/console/logout", Map.of("csrf-token", token));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).contains("/console/login?loggedOut=true");
        assertThat(String.join("\n", out.headers().getValues("Set-Cookie"))).contains(SESSION + "=;")
                .containsIgnoringCase("Max-Age=0");
    }

    /** A logged-in browser: the session cookie and the CSRF cookie, sent with every request. */
    record Browser(String session, String csrf) {

        static Browser logIn(String username, String password) {
            String session = ConsoleTest.session(username, password);
            String csrf = given().cookie(SESSION, session).get("/console").cookie(CSRF);
            assertThat(csrf).as("the CSRF cookie set on a console page").isNotNull();
            return new Browser(session, csrf);
        }

        RequestSpecification request() {
            return given().redirects().follow(false).cookie(SESSION, session).cookie(CSRF, csrf);
        }

        Response get(String path) {
            return request().get(path);
        }

        Response post(String path, Map<String, String> form) {
            return request().contentType("application/x-www-form-urlencoded").formParams(form).post(path);
        }
    }

    static Response login(String username, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .post("/console/j_security_check");
    }

    static String session(String username, String password) {
        String cookie = login(username, password).getCookie(SESSION);
        assertThat(cookie).as("session cookie for " + username).isNotBlank();
        return cookie;
    }

    static String csrfToken(String page) {
        Matcher m = CSRF_FIELD.matcher(page);
        assertThat(m.find()).as("a CSRF token field on the page").isTrue();
        return m.group(1);
    }

    private static Survey negative() {
        return survey(newSurveyId(), "billing-uk", new Survey.CsrFlags(true, "Wants a call back", false, null, null));
    }

    private String raise(Survey survey) {
        broker.send(Channels.SURVEYS_SUBMITTED, EventCodec.encode(submitted("acme", survey)));
        await().atMost(Duration.ofSeconds(30)).until(() -> api().queryParam("surveyId", survey.surveyId())
                .get("/api/v1/escalations").then().statusCode(200).extract().<Integer>path("total") == 1);
        return api().queryParam("surveyId", survey.surveyId()).get("/api/v1/escalations").then()
                .extract().path("items[0].id");
    }

    private static RequestSpecification api() {
        return given().auth().preemptive().basic("admin@acme.example", "closeloop-admin");
    }
}
