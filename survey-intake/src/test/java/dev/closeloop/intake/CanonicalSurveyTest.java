package dev.closeloop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.Survey;
import dev.closeloop.intake.mapping.SurveyMapping;
import dev.closeloop.intake.rest.SurveySubmission;

class CanonicalSurveyTest {

    private static SurveySubmission submission(String completedAt, SurveySubmission.SubmittedCsrFlags csr, int score) {
        return new SurveySubmission("tel-1", completedAt,
                new SurveySubmission.SubmittedCall("c-1", "2026-12-04T10:02:11Z", 312, "billing", null),
                new SurveySubmission.SubmittedCustomer(null, "Dana Smith", null, null),
                new SurveySubmission.SubmittedAgent("csr-17", null, "billing-uk", null),
                List.of(new SurveySubmission.SubmittedAnswer("q1", "Overall?", score)),
                null, csr);
    }

    private static CanonicalSurvey canonical(SurveySubmission submission) {
        return CanonicalSurvey.of(SurveyMapping.toSurvey(submission));
    }

    @Test
    void theSameInstantWrittenWithAnOffsetIsTheSameSurvey() {
        assertThat(canonical(submission("2026-12-04T11:15:00+01:00", null, 3)))
                .isEqualTo(canonical(submission("2026-12-04T10:15:00Z", null, 3)))
                .isEqualTo(canonical(submission("2026-12-04T10:15:00.000Z", null, 3)));
    }

    @Test
    void absentCsrFlagsAreTheSameAsFlagsAllFalse() {
        SurveySubmission.SubmittedCsrFlags allFalse = new SurveySubmission.SubmittedCsrFlags(false, null, null, null,
                null);
        assertThat(canonical(submission("2026-12-04T10:15:00Z", allFalse, 3)))
                .isEqualTo(canonical(submission("2026-12-04T10:15:00Z", null, 3)));
    }

    @Test
    void anyChangedValueIsADifferentSurvey() {
        assertThat(canonical(submission("2026-12-04T10:15:00Z", null, 4)).hash())
                .isNotEqualTo(canonical(submission("2026-12-04T10:15:00Z", null, 3)).hash());
    }

    @Test
    void canonicalFormReadsBackAsTheSurvey() {
        Survey survey = SurveyMapping.toSurvey(submission("2026-12-04T11:15:00+01:00", null, 3));
        CanonicalSurvey canonical = CanonicalSurvey.of(survey);

        assertThat(canonical.hash()).matches("[0-9a-f]{64}");
        assertThat(canonical.json()).contains("\"completedAt\":\"2026-12-04T10:15:00Z\"");
        assertThat(CanonicalSurvey.read(canonical.json())).isEqualTo(survey);
        assertThat(survey.completedAt()).isEqualTo(Instant.parse("2026-12-04T10:15:00Z"));
        assertThat(survey.csr()).isEqualTo(new Survey.CsrFlags(false, null, false, null, null));
    }
}
