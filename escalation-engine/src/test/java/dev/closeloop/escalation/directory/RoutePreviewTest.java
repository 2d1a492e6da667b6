package dev.closeloop.escalation.directory;

import static dev.closeloop.escalation.directory.DirectoryFixtures.LEAD;
import static dev.closeloop.escalation.directory.DirectoryFixtures.NEEDS_ATTENTION;
import static dev.closeloop.escalation.directory.DirectoryFixtures.NO_FLAGS;
import static dev.closeloop.escalation.directory.DirectoryFixtures.directory;
import static dev.closeloop.escalation.directory.DirectoryFixtures.survey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.directory.RoutePreview.EscalationPreview;
import dev.closeloop.escalation.directory.RoutePreview.LevelPreview;
import dev.closeloop.escalation.directory.RoutePreview.RecipientPreview;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Survey;

class RoutePreviewTest {

    private static final TenantDirectory ACME = directory("""
            id: acme
            name: Acme Energy
            sites:
              - id: london
                name: London
                timeZone: Europe/London
                businessHours: { monday: ["09:00-17:00"], tuesday: ["09:00-17:00"], wednesday: ["09:00-17:00"], thursday: ["09:00-17:00"], friday: ["09:00-17:00"] }
              - id: tokyo
                name: Tokyo
                timeZone: Asia/Tokyo
                businessHours: { monday: ["09:00-18:00"], tuesday: ["09:00-18:00"], wednesday: ["09:00-18:00"], thursday: ["09:00-18:00"], friday: ["09:00-18:00"] }
            managers:
              - { id: mia-jones, name: Mia Jones, email: mia.jones@acme.example, timeZone: Europe/London }
              - { id: hana-sato, name: Hana Sato, email: hana.sato@acme.example, timeZone: Asia/Tokyo, site: tokyo }
              - { id: omar-haddad, name: Omar Haddad, email: omar.haddad@acme.example, timeZone: Europe/London, site: london }
              - { id: carlos-ruiz, name: Carlos Ruiz, email: carlos.ruiz@acme.example, timeZone: America/Chicago }
              - { id: cx-desk, name: CX Desk, email: cx-desk@acme.example, timeZone: Europe/London, site: london }
            teams:
              - { id: billing-uk, name: Billing UK, site: london, managers: [mia-jones] }
            routing:
              fallback: cx-desk
              rules:
                - id: unhappy-customers
                  match: { types: [NEGATIVE_FEEDBACK, POOR_SCORE], teams: [billing-uk] }
                  levels:
                    - { agentTeam: true, acknowledgeWithin: PT30M }
                    - { managers: [hana-sato], acknowledgeWithin: PT1H }
                    - { managers: [omar-haddad] }
                - id: unhappy-elsewhere
                  match: { types: [NEGATIVE_FEEDBACK, POOR_SCORE] }
                  clock: BUSINESS_HOURS
                  levels:
                    - { managers: [omar-haddad, hana-sato], acknowledgeWithin: PT2H }
                    - { managers: [cx-desk] }
                - id: leads
                  match: { types: [LEAD] }
                  levels:
                    - { agentTeam: true, managers: [carlos-ruiz] }
            """);

    /** Friday 4 December 2026, 16:00 in London (GMT). */
    private static final Instant FRIDAY_4PM = Instant.parse("2026-12-04T16:00:00Z");

    @Test
    void aPoorScoreAndNegativeSurveyPreviewsBothEscalationsLevelByLevel() {
        Survey survey = survey("billing-uk", NEEDS_ATTENTION, 1, 4);

        RoutePreview preview = RoutePreview.of(ACME, survey, FRIDAY_4PM);

        assertThat(preview.surveyId()).isEqualTo("s-1");
        assertThat(preview.at()).isEqualTo(FRIDAY_4PM);
        // Both escalations follow the same rule: level 2 is alerted when level 1's 30 minutes pass, level 3 when
        // level 2's hour does; each recipient reads the time on their own clock (Tokyo is 9 hours ahead: Saturday).
        List<LevelPreview> levels = List.of(
                new LevelPreview(1, FRIDAY_4PM, List.of(new RecipientPreview("mia-jones", "Mia Jones",
                        "mia.jones@acme.example", "Europe/London", "Fri 4 Dec 2026 16:00 GMT", null)),
                        Duration.ofMinutes(30), Instant.parse("2026-12-04T16:30:00Z")),
                new LevelPreview(2, Instant.parse("2026-12-04T16:30:00Z"), List.of(new RecipientPreview("hana-sato",
                        "Hana Sato", "hana.sato@acme.example", "Asia/Tokyo", "Sat 5 Dec 2026 01:30 JST", null)),
                        Duration.ofHours(1), Instant.parse("2026-12-04T17:30:00Z")),
                new LevelPreview(3, Instant.parse("2026-12-04T17:30:00Z"), List.of(new RecipientPreview("omar-haddad",
                        "Omar Haddad", "omar.haddad@acme.example", "Europe/London", "Fri 4 Dec 2026 17:30 GMT", null)),
                        null, null));
        assertThat(preview.escalations()).containsExactly(
                new EscalationPreview(EscalationType.NEGATIVE_FEEDBACK, List.of("Customer threatens to cancel"),
                        "unhappy-customers", SlaClock.WALL_CLOCK, levels),
                new EscalationPreview(EscalationType.POOR_SCORE, List.of("q1: Question 1? = 1"),
                        "unhappy-customers", SlaClock.WALL_CLOCK, levels));
    }

    @Test
    void inBusinessHoursEachLevelIsAlertedWhenThePreviousOneEscalates() {
        // Omar (London, GMT, 09:00-17:00) has 1 hour on Friday and 1 on Monday 7 Dec: 10:00Z. Hana (Tokyo, 09:00-18:00)
        // is alerted at Saturday 01:00 JST and has Monday 09:00-11:00 JST = 00:00-02:00Z. The later one, Monday 10:00Z,
        // is when level 2 is alerted.
        Survey survey = survey("night-shift", NO_FLAGS, 1);

        EscalationPreview poor = RoutePreview.of(ACME, survey, FRIDAY_4PM).escalations().get(0);

        assertThat(poor.rule()).isEqualTo("unhappy-elsewhere");
        assertThat(poor.clock()).isEqualTo(SlaClock.BUSINESS_HOURS);
        assertThat(poor.levels()).extracting(LevelPreview::alertedAt)
                .containsExactly(FRIDAY_4PM, Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(poor.levels()).extracting(LevelPreview::escalatesAt)
                .containsExactly(Instant.parse("2026-12-07T10:00:00Z"), null);
        assertThat(poor.levels().get(0).recipients()).extracting(RecipientPreview::localTime)
                .containsExactly("Fri 4 Dec 2026 16:00 GMT", "Sat 5 Dec 2026 01:00 JST");
        assertThat(poor.levels().get(1).recipients()).extracting(RecipientPreview::localTime)
                .containsExactly("Mon 7 Dec 2026 10:00 GMT");
    }

    @Test
    void localTimesFollowDaylightSavingInEachZone() {
        Instant july = Instant.parse("2026-07-03T15:00:00Z");

        EscalationPreview lead = RoutePreview.of(ACME, survey("billing-uk", LEAD), july).escalations().get(0);

        assertThat(lead.levels().get(0).recipients()).extracting(RecipientPreview::localTime)
                .containsExactly("Fri 3 Jul 2026 16:00 BST", "Fri 3 Jul 2026 10:00 CDT");
    }

    @Test
    void anEscalationNoRuleMatchesPreviewsTheFallbackManagerAlone() {
        EscalationPreview fives = RoutePreview.of(ACME, survey("billing-uk", NO_FLAGS, 5, 5), FRIDAY_4PM)
                .escalations().get(0);

        assertThat(fives).isEqualTo(new EscalationPreview(EscalationType.ALL_FIVES,
                List.of("All 2 rated questions scored 5"), null, SlaClock.WALL_CLOCK,
                List.of(new LevelPreview(1, FRIDAY_4PM, List.of(new RecipientPreview("cx-desk", "CX Desk",
                        "cx-desk@acme.example", "Europe/London", "Fri 4 Dec 2026 16:00 GMT", null)), null, null))));
    }

    @Test
    void praiseOutsideWorkingHoursPreviewsWhenTheHeldAlertGoesOut() {
        Instant saturday = Instant.parse("2026-12-05T12:00:00Z");

        RecipientPreview desk = RoutePreview.of(ACME, survey("billing-uk", NO_FLAGS, 5, 5), saturday)
                .escalations().get(0).levels().get(0).recipients().get(0);

        assertThat(desk.heldUntil()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z"));
        assertThat(desk.localTime()).isEqualTo("Mon 7 Dec 2026 09:00 GMT");
    }

    @Test
    void aSurveyThatRaisesNothingPreviewsNothing() {
        RoutePreview preview = RoutePreview.of(ACME, survey("billing-uk", NO_FLAGS, 3, 4), FRIDAY_4PM);

        assertThat(preview.escalations()).isEmpty();
    }
}
