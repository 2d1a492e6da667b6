package dev.closeloop.escalation.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.events.EscalationType;

class RecognitionTest {

    static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void praiseAndWonLeadsCountByTeamAndAgentMostFirst() {
        List<EscalationFacts> facts = List.of(
                fact(EscalationType.ALL_FIVES, null, "billing-uk", "csr-1", "Ann"),
                fact(EscalationType.ALL_FIVES, null, "billing-uk", "csr-1", "Ann"),
                fact(EscalationType.LEAD, Outcome.LEAD_WON, "support-us", "csr-2", "Bob"),
                fact(EscalationType.LEAD, Outcome.LEAD_LOST, "support-us", "csr-2", "Bob"),
                fact(EscalationType.LEAD, null, "support-us", "csr-3", "Cy"),
                fact(EscalationType.POOR_SCORE, null, "billing-uk", "csr-1", "Ann"),
                fact(EscalationType.ALL_FIVES, null, null, null, null));

        Recognition wall = Recognition.of(facts, AT, AT.plusSeconds(3600));

        assertThat(wall.byTeam()).containsExactly(
                new Recognition.Entry("billing-uk", "billing-uk", "billing-uk", 2, 0),
                new Recognition.Entry("(none)", "(none)", "(none)", 1, 0),
                new Recognition.Entry("support-us", "support-us", "support-us", 0, 1));
        assertThat(wall.byAgent()).containsExactly(
                new Recognition.Entry("csr-1", "Ann", "billing-uk", 2, 0),
                new Recognition.Entry("(none)", "(none)", "(none)", 1, 0),
                new Recognition.Entry("csr-2", "Bob", "support-us", 0, 1));
    }

    @Test
    void aPeriodWithoutPraiseHasAnEmptyWall() {
        Recognition wall = Recognition.of(List.of(fact(EscalationType.NEGATIVE_FEEDBACK, null, "t", "a", "A")), AT, AT);

        assertThat(wall.byTeam()).isEmpty();
        assertThat(wall.byAgent()).isEmpty();
    }

    private static EscalationFacts fact(EscalationType type, Outcome outcome, String team, String agentId,
            String agentName) {
        return new EscalationFacts(type, outcome == null ? EscalationStatus.OPEN : EscalationStatus.RESOLVED, outcome,
                team, "manchester", agentId, agentName, AT, null, null, null, null, 1);
    }
}
