package dev.closeloop.escalation.rest;

import static dev.closeloop.escalation.TestSurveys.NO_FLAGS;
import static dev.closeloop.escalation.TestSurveys.newSurveyId;
import static dev.closeloop.escalation.TestSurveys.survey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.escalation.TestSurveys;
import dev.closeloop.escalation.service.EscalationService;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Survey;
import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The directory administration API on real PostgreSQL: export and import, validation that names
 * every problem and stores nothing, If-Match, the parts one at a time, who may do it, and the
 * routing preview. Changes are made to tenant umbrella only, which no other test reads.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "engine"))
@WithTestResource(BrokerTestResource.class)
class DirectoryAdminApiTest {

    static final String DIRECTORY = "/api/v1/admin/directory";
    static final String YAML = "application/yaml";
    static final String PROBLEM = "application/problem+json";

    @Inject
    EscalationService escalations;
    @Inject
    Pool pool;

    @Test
    void anExportImportsBackAsTheNextVersionAndTheHistorySaysWho() {
        Response export = umbrella().accept(YAML).get(DIRECTORY);
        export.then().statusCode(200).contentType(containsString(YAML))
                .body(containsString("id: umbrella"))
                .body(containsString("acknowledgeWithin: PT15M"));
        long version = version(export);

        Response imported = umbrella().contentType(YAML).accept(YAML).header("If-Match", etag(version))
                .body(bytes(export.asString())).put(DIRECTORY);
        imported.then().statusCode(200);
        assertThat(version(imported)).isEqualTo(version + 1);
        assertThat(imported.asString()).isEqualTo(export.asString());

        umbrella().get(DIRECTORY + "/history").then().statusCode(200)
                .body("[0].version", equalTo((int) version + 1))
                .body("[0].changedBy", equalTo("admin@umbrella.example"))
                .body("changedBy", hasItem("seed file"));
    }

    @Test
    void anInvalidImportNamesEveryProblemAndStoresNothing() {
        long before = version(umbrella().get(DIRECTORY));
        String yaml = """
                name: Umbrella
                sites:
                  - { id: raccoon-city, name: Raccoon City, timeZone: "+01:00", businessHours: { mondy: ["09:00-17:00"] } }
                managers:
                  - { id: jill-valentine, name: Jill, email: not-an-email, timeZone: America/New_York }
                teams:
                  - { id: stars, site: arklay, managers: [jill-valentine, wesker] }
                routing:
                  fallback: chris-redfield
                  rules:
                    - id: to-the-team
                      levels:
                        - { agentTeam: true }
                        - { managers: [jill-valentine] }
                """;
        umbrella().contentType(YAML).body(bytes(yaml)).put(DIRECTORY)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains(
                        "sites[raccoon-city].timeZone",
                        "sites[raccoon-city].businessHours.mondy",
                        "managers[jill-valentine].email",
                        "teams[stars].site",
                        "teams[stars].managers",
                        "routing.fallback",
                        "routing.rules[to-the-team].levels[0].acknowledgeWithin"))
                .body("errors.find { it.field == 'teams[stars].managers' }.message", equalTo("unknown manager 'wesker'"));
        assertThat(version(umbrella().get(DIRECTORY))).isEqualTo(before);
    }

    @Test
    void unreadableDocumentsAreRefusedWithWhereTheyWentWrong() {
        umbrella().contentType(ContentType.JSON).body("{\"name\": \"Umbrella\", \"managrs\": []}").put(DIRECTORY)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("managrs: unknown field"));
        umbrella().contentType(YAML).body(bytes("{ name: Umbrella")).put(DIRECTORY)
                .then().statusCode(400).body("errors[0].message", containsString("not valid YAML"));
    }

    @Test
    void aChangeFromAStaleVersionIsRefusedWithTheCurrentETag() {
        long current = version(umbrella().get(DIRECTORY));
        umbrella().contentType(ContentType.JSON).header("If-Match", etag(current - 1))
                .body(Map.of("name", "Chris Redfield", "email", "chris@umbrella.example", "timeZone", "America/New_York"))
                .put(DIRECTORY + "/managers/chris-redfield")
                .then().statusCode(412).contentType(PROBLEM).header("ETag", etag(current));
    }

    @Test
    void partsAreChangedOneAtATimeAndReferencesAreKeptWhole() {
        Response added = umbrella().contentType(ContentType.JSON)
                .body(Map.of("name", "Leon Kennedy", "email", "leon@umbrella.example", "timeZone", "America/Chicago",
                        "channels", List.of("EMAIL", "PUSH")))
                .put(DIRECTORY + "/managers/leon-kennedy");
        added.then().statusCode(200).body("managers.id", hasItem("leon-kennedy"));
        long version = version(added);

        umbrella().contentType(ContentType.JSON).header("If-Match", etag(version))
                .body(Map.of("name", "Rookies", "site", "raccoon-city", "managers", List.of("leon-kennedy")))
                .put(DIRECTORY + "/teams/rookies")
                .then().statusCode(200).header("ETag", etag(version + 1));

        umbrella().delete(DIRECTORY + "/managers/leon-kennedy")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("teams[rookies].managers"))
                .body("errors[0].message", equalTo("unknown manager 'leon-kennedy'"));
        umbrella().delete(DIRECTORY + "/teams/rookies").then().statusCode(200);
        umbrella().delete(DIRECTORY + "/managers/leon-kennedy").then().statusCode(200);
        umbrella().delete(DIRECTORY + "/managers/leon-kennedy").then().statusCode(404).contentType(PROBLEM);

        umbrella().contentType(ContentType.JSON).body(Map.of("id", "someone-else", "name", "X"))
                .put(DIRECTORY + "/sites/raccoon-city")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void aChangedRuleRoutesTheNextSurvey() throws Throwable {
        umbrella().contentType(ContentType.JSON).body(Map.of(
                "description", "Poor scores straight to Chris",
                "match", Map.of("types", List.of("POOR_SCORE")),
                "levels", List.of(Map.of("managers", List.of("chris-redfield")))))
                .put(DIRECTORY + "/rules/poor-to-chris")
                .then().statusCode(200).body("routing.rules.id", contains("to-the-team", "poor-to-chris"));
        // rules are tried in order: the catch-all still comes first, so move it last by replacing the list
        Response current = umbrella().get(DIRECTORY);
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(current.asString());
        ArrayNode rules = (ArrayNode) document.path("routing").path("rules");
        rules.add(rules.remove(0));
        umbrella().contentType(ContentType.JSON).header("If-Match", current.getHeader("ETag")).body(document.toString())
                .put(DIRECTORY).then().statusCode(200).body("routing.rules.id", contains("poor-to-chris", "to-the-team"));

        Survey survey = survey(newSurveyId(), "stars", NO_FLAGS, 1);
        List<RaisedEscalation> raised = VertxContextSupport.subscribeAndAwait(
                () -> escalations.raise(TestSurveys.submitted("umbrella", survey)));
        assertThat(raised).hasSize(1);
        String recipients = pool.preparedQuery("SELECT recipients FROM escalation WHERE survey_id = $1")
                .execute(Tuple.of(survey.surveyId())).await().indefinitely().iterator().next().getString(0);
        assertThat(recipients).contains("chris@umbrella.example").doesNotContain("jill@umbrella.example");

        umbrella().delete(DIRECTORY + "/rules/poor-to-chris").then().statusCode(200);
    }

    @Test
    void onlyAdminsAdministerAndOnlyTheirOwnTenant() {
        given().auth().preemptive().basic("mia.jones@acme.example", "closeloop-manager").get(DIRECTORY)
                .then().statusCode(403).contentType(PROBLEM);
        given().get(DIRECTORY).then().statusCode(401).contentType(PROBLEM);
        given().auth().preemptive().basic("admin@globex.example", "globex-admin").get(DIRECTORY)
                .then().statusCode(200).body("id", equalTo("globex")).body("managers.id", contains("gus-grant", "globex-desk"));
        // an acme export imported by umbrella's admin becomes umbrella's, never acme's
        umbrella().contentType(ContentType.JSON).body("{\"id\": \"acme\", \"name\": \"x\"}").put(DIRECTORY)
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void thePreviewSaysWhoIsToldWhatAndWhenWithoutRaisingAnything() {
        Survey survey = survey(newSurveyId(), "billing-uk", NO_FLAGS, 1, 4);
        given().auth().preemptive().basic("admin@acme.example", "closeloop-admin")
                .contentType(ContentType.JSON).body(survey)
                .queryParam("at", "2026-12-04T10:00:00Z")
                .post("/api/v1/admin/routing/preview")
                .then().statusCode(200)
                .body("escalations.type", contains("POOR_SCORE"))
                .body("escalations[0].rule", equalTo("unhappy-customers"))
                .body("escalations[0].levels.level", contains(1, 2, 3))
                .body("escalations[0].levels[0].recipients.email", contains("mia.jones@acme.example"))
                .body("escalations[0].levels[0].alertedAt", equalTo("2026-12-04T10:00:00Z"))
                .body("escalations[0].levels[0].escalatesAt", equalTo("2026-12-04T10:30:00Z"))
                .body("escalations[0].levels[1].recipients[0].email", equalTo("hana.sato@acme.example"))
                .body("escalations[0].levels[1].recipients[0].localTime", equalTo("Fri 4 Dec 2026 19:30 JST"))
                .body("escalations[0].levels[2].alertedAt", equalTo("2026-12-04T11:30:00Z"))
                .body("escalations[0].levels[2].escalatesAt", nullValue());
        assertThat(pool.preparedQuery("SELECT count(*) FROM escalation WHERE survey_id = $1")
                .execute(Tuple.of(survey.surveyId())).await().indefinitely().iterator().next().getLong(0)).isZero();

        given().auth().preemptive().basic("admin@acme.example", "closeloop-admin")
                .contentType(ContentType.JSON).body(survey).queryParam("at", "yesterday")
                .post("/api/v1/admin/routing/preview")
                .then().statusCode(400).body("errors[0].field", equalTo("at"));
    }

    private static RequestSpecification umbrella() {
        return given().auth().preemptive().basic("admin@umbrella.example", "closeloop-admin").log().ifValidationFails();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long version(Response response) {
        String etag = response.getHeader("ETag");
        assertThat(etag).as("ETag").isNotNull();
        return Long.parseLong(etag.replace("\"", ""));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }
}
