package dev.closeloop.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The 202 answer to a survey submission; the same for the first submission and an identical replay. */
@Schema(name = "SurveyAccepted")
public record SurveyAccepted(String surveyId, String tenant,
        @Schema(enumeration = "ACCEPTED") String status) {

    public static SurveyAccepted of(String surveyId, String tenant) {
        return new SurveyAccepted(surveyId, tenant, "ACCEPTED");
    }
}
