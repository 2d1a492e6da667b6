package dev.closeloop.escalation.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.escalation.calendar.BusinessHours;
import dev.closeloop.escalation.calendar.TimeWindow;
import dev.closeloop.events.EscalationType;

class ReportsTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Friday 4 December 2026, 16:00 in London (GMT). */
    static final Instant FRIDAY_4PM = Instant.parse("2026-12-04T16:00:00Z");
    static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-31T00:00:00Z");
    static final BusinessHours MANCHESTER = BusinessHours.weekdays(LONDON, TimeWindow.parse("09:00-17:00"));

    @Test
    void countsByTypeTeamSiteAgentAndDayWithEveryTypePresent() {
        List<EscalationFacts> facts = List.of(
                open(EscalationType.POOR_SCORE, "billing-uk", "manchester", "csr-17", FRIDAY_4PM),
                open(EscalationType.NEGATIVE_FEEDBACK, "billing-uk", "manchester", "csr-17", FRIDAY_4PM),
                open(EscalationType.ALL_FIVES, "support-us", "austin", "csr-9", FRIDAY_4PM.plus(Duration.ofHours(9))),
                open(EscalationType.LEAD, null, null, null, FRIDAY_4PM));

        ReportSummary summary = Reports.summarize(facts, FROM, TO, LONDON, site -> Optional.empty());

        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.byType()).containsEntry(EscalationType.POOR_SCORE, 1).containsEntry(EscalationType.LEAD, 1)
                .hasSize(4);
        assertThat(summary.byTeam()).extracting(ReportSummary.Breakdown::key)
                .containsExactly("billing-uk", "(none)", "support-us");
        assertThat(summary.byTeam().get(0).byType()).containsEntry(EscalationType.ALL_FIVES, 0)
                .containsEntry(EscalationType.POOR_SCORE, 1).containsEntry(EscalationType.NEGATIVE_FEEDBACK, 1);
        assertThat(summary.byAgent().get(0).name()).isEqualTo("Sam Lee");
        // 01:00 on Saturday in London: its own day
        assertThat(summary.byDay()).extracting(ReportSummary.DayCount::day, ReportSummary.DayCount::total)
                .containsExactly(org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 12, 4), 3),
                        org.assertj.core.api.Assertions.tuple(LocalDate.of(2026, 12, 5), 1));
        assertThat(summary.positiveToNegative()).isEqualTo(1.0);
    }

    @Test
    void timesCountInTheBusinessHoursOfTheAgentsSiteAndWallClockWithoutOne() {
        // acknowledged on Monday 10:00: one business hour on Friday and one on Monday
        Instant monday10 = Instant.parse("2026-12-07T10:00:00Z");
        EscalationFacts inManchester = acknowledged("manchester", FRIDAY_4PM, monday10, 1);
        EscalationFacts nowhere = acknowledged("atlantis", FRIDAY_4PM, FRIDAY_4PM.plus(Duration.ofMinutes(30)), 1);

        ReportSummary summary = Reports.summarize(List.of(inManchester, nowhere), FROM, TO, ZoneOffset.UTC,
                site -> site.equals("manchester") ? Optional.of(MANCHESTER) : Optional.empty());

        assertThat(summary.timeToAcknowledge().count()).isEqualTo(2);
        assertThat(summary.timeToAcknowledge().p50()).isEqualTo(Duration.ofMinutes(30));
        assertThat(summary.timeToAcknowledge().p90()).isEqualTo(Duration.ofHours(2));
        assertThat(summary.timeToResolve().count()).isZero();
        assertThat(summary.timeToResolve().p50()).isNull();
    }

    @Test
    void percentilesAreNearestRankValuesOfTheSet() {
        List<Duration> minutes = List.of(10, 1, 9, 2, 8, 3, 7, 4, 6, 5).stream().map(Duration::ofMinutes).toList();

        ReportSummary.Percentiles p = Reports.percentiles(minutes);

        assertThat(p.count()).isEqualTo(10);
        assertThat(p.p50()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.p90()).isEqualTo(Duration.ofMinutes(9));
        assertThat(Reports.percentiles(List.of(Duration.ofMinutes(7))).p90()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void slaMetCountsOnlyDecidedEscalationsWithAnAcknowledgeTime() {
        Instant later = FRIDAY_4PM.plus(Duration.ofMinutes(10));
        List<EscalationFacts> facts = List.of(
                acknowledged("manchester", FRIDAY_4PM, later, 1),          // met
                acknowledged("manchester", FRIDAY_4PM, later, 2),          // acknowledged after level 2 was told
                escalatedUnacknowledged(),                                 // missed
                open(EscalationType.POOR_SCORE, "t", "s", "a", FRIDAY_4PM), // still within its time: undecided
                noSla(later));                                             // no SLA: not counted

        ReportSummary summary = Reports.summarize(facts, FROM, TO, ZoneOffset.UTC, site -> Optional.empty());

        assertThat(summary.slaMet()).isEqualTo(0.3333);
        assertThat(Reports.summarize(List.of(noSla(later)), FROM, TO, ZoneOffset.UTC, site -> Optional.empty())
                .slaMet()).isNull();
    }

    @Test
    void theClosedLoopRateIsNegativeEscalationsResolvedAfterContactingTheCustomer() {
        Instant t = FRIDAY_4PM;
        List<EscalationFacts> facts = List.of(
                resolved(EscalationType.POOR_SCORE, Outcome.RECOVERED, t.plusSeconds(60), t.plusSeconds(120)),
                resolved(EscalationType.NEGATIVE_FEEDBACK, Outcome.NO_CONTACT_POSSIBLE, null, t.plusSeconds(120)),
                open(EscalationType.POOR_SCORE, "t", "s", "a", t),
                open(EscalationType.NEGATIVE_FEEDBACK, "t", "s", "a", t),
                resolved(EscalationType.ALL_FIVES, Outcome.RECOGNISED, null, t.plusSeconds(30)));

        ReportSummary summary = Reports.summarize(facts, FROM, TO, ZoneOffset.UTC, site -> Optional.empty());

        assertThat(summary.closedLoopRate()).isEqualTo(0.25);
        assertThat(summary.positiveToNegative()).isEqualTo(0.25);
        assertThat(summary.timeToResolve().count()).isEqualTo(3);
    }

    @Test
    void nothingRaisedGivesZerosAndNoRatios() {
        ReportSummary summary = Reports.summarize(List.of(), FROM, TO, ZoneOffset.UTC, site -> Optional.empty());

        assertThat(summary.total()).isZero();
        assertThat(summary.byType()).containsValues(0, 0, 0, 0);
        assertThat(summary.slaMet()).isNull();
        assertThat(summary.closedLoopRate()).isNull();
        assertThat(summary.positiveToNegative()).isNull();
        assertThat(summary.byDay()).isEmpty();
    }

    @Test
    void csvRowsAreEscapedAndFormulasDefused() {
        List<EscalationFacts> facts = List.of(
                new EscalationFacts(EscalationType.POOR_SCORE, EscalationStatus.OPEN, null, "=cmd|' /C calc'!A0",
                        null, "csr-1", "Lee, \"Sam\"", FRIDAY_4PM, null, null, null, null, 1));
        ReportSummary summary = Reports.summarize(facts, FROM, TO, ZoneOffset.UTC, site -> Optional.empty());

        assertThat(ReportCsv.counts(summary, ReportCsv.By.TEAM)).isEqualTo(
                "team,name,total,NEGATIVE_FEEDBACK,POOR_SCORE,LEAD,ALL_FIVES\r\n"
                        + "'=cmd|' /C calc'!A0,'=cmd|' /C calc'!A0,1,0,1,0,0\r\n");
        assertThat(ReportCsv.counts(summary, ReportCsv.By.AGENT)).endsWith("csr-1,\"Lee, \"\"Sam\"\"\",1,0,1,0,0\r\n");
        assertThat(ReportCsv.counts(summary, ReportCsv.By.DAY)).endsWith("2026-12-04,2026-12-04,1,0,1,0,0\r\n");
        assertThat(ReportCsv.By.parse("Site")).contains(ReportCsv.By.SITE);
        assertThat(ReportCsv.By.parse("week")).isEmpty();
        assertThat(DayOfWeek.FRIDAY).isEqualTo(FRIDAY_4PM.atZone(LONDON).getDayOfWeek());
    }

    private static EscalationFacts open(EscalationType type, String team, String site, String agent, Instant raised) {
        return new EscalationFacts(type, EscalationStatus.OPEN, null, team, site, agent,
                agent == null ? null : "Sam Lee", raised, null, null, null, Duration.ofMinutes(30), 1);
    }

    private static EscalationFacts acknowledged(String site, Instant raised, Instant acknowledged, int level) {
        return new EscalationFacts(EscalationType.POOR_SCORE, EscalationStatus.ACKNOWLEDGED, null, "billing-uk", site,
                "csr-17", "Sam Lee", raised, acknowledged, null, null, Duration.ofMinutes(30), level);
    }

    private static EscalationFacts escalatedUnacknowledged() {
        return new EscalationFacts(EscalationType.NEGATIVE_FEEDBACK, EscalationStatus.OPEN, null, "billing-uk",
                "manchester", "csr-17", "Sam Lee", FRIDAY_4PM, null, null, null, Duration.ofMinutes(30), 2);
    }

    private static EscalationFacts noSla(Instant acknowledged) {
        return new EscalationFacts(EscalationType.LEAD, EscalationStatus.ACKNOWLEDGED, null, "billing-uk",
                "manchester", "csr-17", "Sam Lee", FRIDAY_4PM, acknowledged, null, null, null, 1);
    }

    private static EscalationFacts resolved(EscalationType type, Outcome outcome, Instant contacted, Instant resolved) {
        return new EscalationFacts(type, EscalationStatus.RESOLVED, outcome, "billing-uk", "manchester", "csr-17",
                "Sam Lee", FRIDAY_4PM, FRIDAY_4PM.plusSeconds(10), contacted, resolved, null, 1);
    }
}
