package dev.closeloop.localstack.demo;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of the demo: the survey body the telephony platform posts, the recording it uploads, and what
 * it should lead to.
 *
 * @param scenario a short human description, e.g. "1,1,2 +attention"
 */
public record DemoSurvey(String surveyId, String recordingId, String team, String scenario, ObjectNode body,
        Set<Expectations.Type> expectedTypes, Set<String> expectedRecipients) {
}
