package dev.closeloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.LogCapture;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Tenant API keys, right or wrong, never reach the log, not even at debug level. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(BrokerTestResource.class)
class NoSecretsInLogsTest {

    @Test
    void noApiKeyReachesTheLogWhateverTheRequestComesTo() {
        String wrongKey = "wrong-api-key-" + UUID.randomUUID();
        try (LogCapture log = LogCapture.start(Map.of("dev.closeloop", Level.FINE, "io.quarkus.vertx.http", Level.FINE,
                "org.jboss.resteasy.reactive", Level.FINE))) {
            ObjectNode survey = SurveyBodies.freshSurvey();
            String surveyId = survey.get("surveyId").asText();
            SurveyIntakeTest.post(SurveyBodies.ACME_KEY, SurveyBodies.text(survey)).statusCode(202);
            SurveyIntakeTest.post(SurveyBodies.ACME_KEY, SurveyBodies.text(survey)).statusCode(202);
            SurveyIntakeTest.get(SurveyBodies.ACME_KEY, surveyId).statusCode(200);
            SurveyIntakeTest.get(SurveyBodies.GLOBEX_KEY, surveyId).statusCode(404);
            survey.put("surveyId", "bad id");
            SurveyIntakeTest.post(SurveyBodies.ACME_KEY, SurveyBodies.text(survey)).statusCode(400);
            SurveyIntakeTest.post(wrongKey, SurveyBodies.text(SurveyBodies.freshSurvey())).statusCode(401);
            SurveyIntakeTest.get(wrongKey, surveyId).statusCode(401);

            assertThat(log.text()).as("the log was captured").contains(surveyId);
            for (String secret : List.of(SurveyBodies.ACME_KEY, SurveyBodies.GLOBEX_KEY, wrongKey)) {
                assertThat(log.recordsContaining(secret)).as("log records naming a secret").isEmpty();
            }
        }
    }
}
