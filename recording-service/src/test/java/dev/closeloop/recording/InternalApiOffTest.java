package dev.closeloop.recording;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** A deployment that never set closeloop.internal.token has no internal API at all. */
@QuarkusTest
@TestProfile(InternalApiOffTest.NoInternalToken.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "recording"))
@WithTestResource(BrokerTestResource.class)
class InternalApiOffTest {

    public static class NoInternalToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // an empty value is an absent one
            return Map.of("closeloop.internal.token", "");
        }
    }

    @Test
    void withoutAConfiguredTokenTheInternalApiAnswers404WhateverTheCallerSends() {
        for (String authorization : List.of(ConsoleLinkTest.INTERNAL, "Bearer ", "Bearer acme-local-key")) {
            given().header("Authorization", authorization).contentType(ContentType.JSON)
                    .body(ConsoleLinkTest.body("tel-off", List.of("esc-1")))
                    .when().post("/internal/v1/tenants/acme/recordings/rec-off/links")
                    .then().statusCode(404).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/internal/v1/tenants/acme/recordings/rec-off/links")
                .then().statusCode(404);
    }
}
