package dev.closeloop.escalation.rest;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.closeloop.localstack.testing.MovableClock;
import dev.closeloop.escalation.TestSurveys;
import dev.closeloop.escalation.service.EscalationService;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The reports API on real PostgreSQL: escalations raised and worked through the lifecycle in a period of
 * their own (a Monday in 2103, when no other test raises anything), then read back as figures and CSV.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class ReportApiTest {

    /** Monday 5 March 2103, 09:00 in Manchester (GMT): the Billing UK site is open 08:00-18:00. */
    static final Instant MONDAY_9AM = Instant.parse("2103-03-05T09:00:00Z");
    static final String PERIOD = "from=2103-03-05T00:00:00Z&to=2103-03-06T00:00:00Z";

    @Inject
    EscalationService escalations;
    @Inject
    Pool pool;

    MovableClock clock;

    @BeforeEach
    void setClock() {
        clock = new MovableClock(MONDAY_9AM);
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void theFiguresFollowTheEscalationsAndTheirLifecycle() throws Throwable {
        raiseAndWorkOnce();

        admin().get("/api/v1/reports/summary?" + PERIOD + "&zone=Europe/London")
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("byType.POOR_SCORE", equalTo(2))
                .body("byType.NEGATIVE_FEEDBACK", equalTo(1))
                .body("byType.ALL_FIVES", equalTo(1))
                .body("byType.LEAD", equalTo(0))
                .body("byTeam[0].key", equalTo("billing-uk"))
                .body("byTeam[0].total", equalTo(3))
                .body("byDay[0].day", equalTo("2103-03-05"))
                // acknowledged after 10 and 20 minutes: nearest-rank p50 10 min, p90 20 min
                .body("timeToAcknowledge.count", equalTo(2))
                .body("timeToAcknowledge.p50", equalTo("PT10M"))
                .body("timeToAcknowledge.p90", equalTo("PT20M"))
                .body("timeToResolve.count", equalTo(1))
                .body("timeToResolve.p50", equalTo("PT40M"))
                // both acknowledged within level 1's 30 minutes; the other two are open and not yet due
                .body("slaMet", equalTo(1.0f))
                // one of three negative escalations resolved after contacting the customer
                .body("closedLoopRate", equalTo(0.3333f))
                .body("positiveToNegative", equalTo(0.3333f));

        admin().get("/api/v1/reports/summary?" + PERIOD + "&team=support-us")
                .then().statusCode(200).body("total", equalTo(1)).body("slaMet", nullValue());
    }

    @Test
    void countsComeAsCsvForSpreadsheets() throws Throwable {
        raiseAndWorkOnce();

        String csv = given().auth().preemptive().basic("mia.jones@acme.example", "closeloop-manager")
                .get("/api/v1/reports/counts.csv?by=team&" + PERIOD)
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("closeloop-team.csv"))
                .extract().asString();

        assertThat(csv).isEqualTo("team,name,total,NEGATIVE_FEEDBACK,POOR_SCORE,LEAD,ALL_FIVES\r\n"
                + "billing-uk,billing-uk,3,1,2,0,0\r\n"
                + "support-us,support-us,1,0,0,0,1\r\n");
    }

    @Test
    void theRecognitionWallShowsThePraisedTeamAndAgent() throws Throwable {
        raiseAndWorkOnce();

        admin().get("/api/v1/reports/recognition?" + PERIOD)
                .then().statusCode(200)
                .body("byTeam.key", org.hamcrest.Matchers.contains("support-us"))
                .body("byTeam[0].allFives", equalTo(1))
                .body("byAgent[0].key", equalTo("csr-17"))
                .body("byAgent[0].name", equalTo("Sam Lee"))
                .body("byAgent[0].team", equalTo("support-us"))
                .body("byAgent[0].leadsWon", equalTo(0));
    }

    @Test
    void badParametersAreNamedAndAnotherTenantSeesNone() {
        admin().get("/api/v1/reports/summary?from=yesterday&zone=Mars/Olympus").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("from", "zone"));
        admin().get("/api/v1/reports/summary?from=2103-03-06T00:00:00Z&to=2103-03-05T00:00:00Z").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        admin().get("/api/v1/reports/counts.csv?by=week").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
        given().get("/api/v1/reports/summary").then().statusCode(401);
        given().auth().preemptive().basic("admin@globex.example", "globex-admin")
                .get("/api/v1/reports/summary?" + PERIOD).then().statusCode(200).body("total", equalTo(0));
    }

    /** The tests read the same day's figures; it is made once for all of them. */
    private static boolean worked;

    private void raiseAndWorkOnce() throws Throwable {
        if (!worked) {
            raiseAndWork();
            worked = true;
        }
        assertThat(count()).isEqualTo(4);
    }

    /**
     * Monday 09:00: two poor scores and a flagged poor score for Billing UK, praise for Support US. Mia
     * acknowledges one after 10 minutes, the admin another after 20 and resolves it, customer contacted, at 40.
     */
    private void raiseAndWork() throws Throwable {
        Survey first = survey(newSurveyId(), "billing-uk", NO_FLAGS, 1, 3);
        Survey second = survey(newSurveyId(), "billing-uk", new Survey.CsrFlags(true, "Call back", false, null,
                null), 1);
        Survey praise = survey(newSurveyId(), "support-us", NO_FLAGS, 5, 5);
        for (Survey survey : new Survey[] { first, second, praise }) {
            VertxContextSupport.subscribeAndAwait(() -> escalations.raise(TestSurveys.submitted("acme", survey)));
        }
        String firstId = id(first, "POOR_SCORE");
        String secondId = id(second, "POOR_SCORE");

        clock.set(MONDAY_9AM.plus(Duration.ofMinutes(10)));
        change(firstId, 0, "acknowledge", Map.of());
        clock.set(MONDAY_9AM.plus(Duration.ofMinutes(20)));
        change(secondId, 0, "acknowledge", Map.of());
        clock.set(MONDAY_9AM.plus(Duration.ofMinutes(30)));
        change(secondId, 1, "customer-contacted", Map.of("note", "Called back"));
        clock.set(MONDAY_9AM.plus(Duration.ofMinutes(40)));
        change(secondId, 2, "resolve", Map.of("outcome", "RECOVERED"));
    }

    private void change(String id, long version, String action, Map<String, String> body) {
        admin().header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON).body(body)
                .post("/api/v1/escalations/{id}/" + action, id).then().statusCode(200);
    }

    private long count() {
        return pool.preparedQuery("SELECT count(*) FROM escalation WHERE tenant = 'acme' AND raised_at >= $1 "
                + "AND raised_at < $2").execute(Tuple.of(java.time.OffsetDateTime.parse("2103-03-05T00:00:00Z"),
                        java.time.OffsetDateTime.parse("2103-03-06T00:00:00Z")))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private String id(Survey survey, String type) {
        return pool.preparedQuery("SELECT id::text FROM escalation WHERE survey_id = $1 AND type = $2")
                .execute(Tuple.of(survey.surveyId(), type)).await().indefinitely().iterator().next().getString(0);
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin@acme.example", "closeloop-admin");
    }
}
