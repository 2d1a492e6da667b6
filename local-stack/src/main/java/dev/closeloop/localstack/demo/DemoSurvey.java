package dev.closeloop.localstack.demo;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of the demo: the survey body the telephony platform posts, the recording it uploads, and what
 * it should lead to.
 *
 * @param scenario           a short human description, e.g. "1,1,2 +attention"
 * @param expectedRecipients who is alerted about it first (level 1)
 * @param acknowledged       whether the demo acknowledges its negative escalations, as their manager would, as
 *                           soon as the level-1 email arrived
 * @param expectedEscalatedTo who is alerted about it at level 2, because nobody acknowledged in time
 */
public record DemoSurvey(String surveyId, String recordingId, String team, String scenario, ObjectNode body,
        Set<Expectations.Type> expectedTypes, Set<String> expectedRecipients, boolean acknowledged,
        Set<String> expectedEscalatedTo) {

    /** The same call, its negative escalations acknowledged in time: nobody hears of it at level 2. */
    DemoSurvey acknowledgedInTime() {
        return new DemoSurvey(surveyId, recordingId, team, scenario, body, expectedTypes, expectedRecipients, true,
                Expectations.escalatedTo(expectedTypes, true));
    }
}
