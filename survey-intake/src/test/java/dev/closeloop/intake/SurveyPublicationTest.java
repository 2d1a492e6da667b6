package dev.closeloop.intake;

import static dev.closeloop.intake.SurveyBodies.ACME_KEY;
import static dev.closeloop.intake.SurveyBodies.freshSurvey;
import static dev.closeloop.intake.SurveyBodies.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.events.EventEnvelope;
import dev.closeloop.events.Survey;
import dev.closeloop.events.SurveySubmitted;
import dev.closeloop.localstack.LocalBroker;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.LocalStackComponent;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** What survey-intake publishes to surveys.submitted, and that a survey answered 202 is never lost. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(BrokerTestResource.class)
class SurveyPublicationTest {

    @Inject
    Pool pool;

    @LocalStackComponent
    LocalBroker broker;

    @Test
    void acceptedSurveyIsPublishedOnceAsSurveySubmitted() {
        PublishedSurveys published = PublishedSurveys.receiver();
        ObjectNode body = SurveyBodies.example("survey-lead.json").put("surveyId", SurveyBodies.freshSurveyId());
        String surveyId = body.get("surveyId").asText();
        Instant before = Instant.now();

        SurveyIntakeTest.post(ACME_KEY, text(body)).statusCode(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> !published.of("acme", surveyId).isEmpty());
        EventEnvelope<SurveySubmitted> event = published.of("acme", surveyId).get(0);
        assertThat(event.eventId()).isEqualTo(SurveyTables.eventIdOf(pool, "acme", surveyId));
        assertThat(event.type()).isEqualTo(SurveySubmitted.TYPE);
        assertThat(event.tenant()).isEqualTo("acme");
        assertThat(event.aggregateId()).isEqualTo(surveyId);
        assertThat(event.payload().receivedAt()).isBetween(before, Instant.now());
        Survey survey = event.payload().survey();
        assertThat(survey.surveyId()).isEqualTo(surveyId);
        assertThat(survey.completedAt()).isEqualTo(Instant.parse("2026-12-04T10:15:00Z"));
        assertThat(survey.call()).isEqualTo(new Survey.Call("c-1001", Instant.parse("2026-12-04T10:02:11Z"), 312,
                "billing", "rec-1001"));
        assertThat(survey.customer())
                .isEqualTo(new Survey.Customer("CUST-991", "Dana Smith", "+441632960001", "dana.smith@example.com"));
        assertThat(survey.agent()).isEqualTo(new Survey.Agent("csr-17", "Sam Lee", "billing-uk", "manchester"));
        assertThat(survey.answers()).extracting(Survey.Answer::score).containsExactly(4, 4, 5);
        assertThat(survey.csr()).isEqualTo(new Survey.CsrFlags(false, null, true, "RENEWAL",
                "Contract ends in March; wants a better tariff"));

        await().atMost(Duration.ofSeconds(10)).until(() -> SurveyTables.pendingEvents(pool, "acme", surveyId) == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> published.eventIds("acme", surveyId).size() == 1);
    }

    @Test
    void surveyAcceptedWhileTheBrokerIsDownIsPublishedOnceItIsBack() {
        PublishedSurveys published = PublishedSurveys.receiver();
        await().atMost(Duration.ofSeconds(30)).until(published::isAttached);
        ObjectNode body = freshSurvey();
        String surveyId = body.get("surveyId").asText();

        UUID eventId;
        broker.stop();
        try {
            SurveyIntakeTest.post(ACME_KEY, text(body)).statusCode(202);

            assertThat(SurveyTables.storedSurveys(pool, "acme", surveyId)).isEqualTo(1);
            eventId = SurveyTables.eventIdOf(pool, "acme", surveyId);
            assertThat(SurveyTables.pendingEvents(pool, "acme", surveyId))
                    .as("the event waits in the outbox while the broker is away").isEqualTo(1);
            // Keep the broker away until the relay has tried, given up and tried again.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> SurveyTables.publicationAttempts(pool, "acme", surveyId) >= 2);
            assertThat(SurveyTables.pendingEvents(pool, "acme", surveyId)).isEqualTo(1);
            assertThat(published.of("acme", surveyId)).isEmpty();
        } finally {
            broker.start();
        }

        // The AMQP connector reconnects with back-off, hence the generous wait.
        await().atMost(Duration.ofSeconds(60)).until(() -> !published.of("acme", surveyId).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> SurveyTables.pendingEvents(pool, "acme", surveyId) == 0);
        // Attempts that timed out while the broker was away may arrive too: copies of the one event.
        assertThat(published.eventIds("acme", surveyId)).containsExactly(eventId);
        assertThat(published.of("acme", surveyId)).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(SurveySubmitted.TYPE);
            assertThat(event.payload().survey().surveyId()).isEqualTo(surveyId);
        });
    }
}
