package dev.closeloop.intake;

import static dev.closeloop.intake.SurveyBodies.ACME_KEY;
import static dev.closeloop.intake.SurveyBodies.GLOBEX_KEY;
import static dev.closeloop.intake.SurveyBodies.freshSurvey;
import static dev.closeloop.intake.SurveyBodies.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.MovableClock;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;

/** A key over its rate limit answers 429 with Retry-After and stores nothing; after the wait it gets through. */
@QuarkusTest
@TestProfile(SurveyRateLimitTest.TinyRateLimit.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(BrokerTestResource.class)
class SurveyRateLimitTest {

    /** One request a second, two at once: small enough to reach in a test, big enough to see the burst. */
    public static class TinyRateLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("closeloop.api-keys.rate-limit.per-second", "1",
                    "closeloop.api-keys.rate-limit.burst", "2");
        }
    }

    @Inject
    Pool pool;

    /** Shared by the tests and only moved forwards: a bucket must never see time run backwards. */
    static final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

    @BeforeEach
    void stopTime() {
        // An hour later every bucket an earlier test emptied is full again.
        clock.advance(Duration.ofHours(1));
        QuarkusMock.installMockForType(clock, Clock.class);
    }

    @Test
    void overTheLimitAnswers429WithRetryAfterAndStoresNothingThenRecovers() {
        SurveyIntakeTest.post(ACME_KEY, text(freshSurvey())).statusCode(202);
        SurveyIntakeTest.post(ACME_KEY, text(freshSurvey())).statusCode(202);

        ObjectNode refused = freshSurvey();
        String refusedId = refused.get("surveyId").asText();
        SurveyIntakeTest.post(ACME_KEY, text(refused))
                .statusCode(429)
                .header("Retry-After", "1")
                .contentType(SurveyIntakeTest.PROBLEM)
                .body("status", is(429), "title", is("Too Many Requests"),
                        "detail", containsString("1 requests per second per API key (bursts of up to 2)"));
        assertThat(SurveyTables.storedSurveys(pool, "acme", refusedId)).as("nothing stored").isZero();
        assertThat(SurveyTables.pendingEvents(pool, "acme", refusedId)).as("nothing to publish").isZero();

        clock.advance(Duration.ofSeconds(1));
        SurveyIntakeTest.post(ACME_KEY, text(refused)).statusCode(202);
    }

    @Test
    void oneTenantOverItsLimitDoesNotSlowAnother() {
        SurveyIntakeTest.post(ACME_KEY, text(freshSurvey())).statusCode(202);
        SurveyIntakeTest.post(ACME_KEY, text(freshSurvey())).statusCode(202);
        SurveyIntakeTest.post(ACME_KEY, text(freshSurvey())).statusCode(429);

        SurveyIntakeTest.post(GLOBEX_KEY, text(freshSurvey())).statusCode(202);
    }

    @Test
    void anUnknownKeyIsRefusedAs401NotCountedAgainstAnyone() {
        for (int i = 0; i < 5; i++) {
            SurveyIntakeTest.post("not-a-key", text(freshSurvey())).statusCode(401);
        }
        SurveyIntakeTest.post(ACME_KEY, text(freshSurvey())).statusCode(202);
    }
}
