package dev.closeloop.escalation.directory;

import static dev.closeloop.escalation.directory.DirectoryFixtures.NO_FLAGS;
import static dev.closeloop.escalation.directory.DirectoryFixtures.agent;
import static dev.closeloop.escalation.directory.DirectoryFixtures.directory;
import static dev.closeloop.escalation.directory.DirectoryFixtures.survey;
import static dev.closeloop.events.EscalationType.ALL_FIVES;
import static dev.closeloop.events.EscalationType.LEAD;
import static dev.closeloop.events.EscalationType.NEGATIVE_FEEDBACK;
import static dev.closeloop.events.EscalationType.POOR_SCORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.EscalationType;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;

class RoutingTest {

    /** People and teams; each test adds the rules it is about. */
    private static final String ACME = """
            id: acme
            name: Acme Energy
            sites:
              - { id: london, name: London, timeZone: Europe/London, businessHours: { monday: ["09:00-17:00"] } }
              - { id: austin, name: Austin, timeZone: America/Chicago, businessHours: { monday: ["07:00-19:00"] } }
            managers:
              - { id: mia-jones, name: Mia Jones, email: mia.jones@acme.example, timeZone: Europe/London }
              - { id: ollie-king, name: Ollie King, email: ollie.king@acme.example, timeZone: Europe/London }
              - { id: carlos-ruiz, name: Carlos Ruiz, email: carlos.ruiz@acme.example, timeZone: America/Chicago, channels: [EMAIL, PUSH] }
              - { id: priya-shah, name: Priya Shah, email: priya.shah@acme.example, timeZone: Europe/London }
              - { id: hana-sato, name: Hana Sato, email: hana.sato@acme.example, timeZone: Asia/Tokyo }
              - { id: cx-desk, name: CX Desk, email: cx-desk@acme.example, timeZone: Europe/London }
            teams:
              - { id: billing-uk, name: Billing UK, site: london, managers: [mia-jones, ollie-king] }
              - { id: support-us, name: Support US, site: austin, managers: [carlos-ruiz] }
            routing:
              fallback: cx-desk
              rules:
            """;

    private static final Survey BILLING = survey("billing-uk", NO_FLAGS);

    // --- which rule

    @Test
    void theFirstMatchingRuleWins() {
        TenantDirectory acme = withRules("""
                - { id: poor-scores, match: { types: [POOR_SCORE] }, levels: [ { managers: [hana-sato] } ] }
                - { id: everything, levels: [ { managers: [priya-shah] } ] }
                - { id: never-reached, match: { types: [NEGATIVE_FEEDBACK] }, levels: [ { managers: [mia-jones] } ] }
                """);

        assertThat(Routing.route(acme, POOR_SCORE, BILLING).ruleId()).isEqualTo("poor-scores");
        assertThat(Routing.route(acme, NEGATIVE_FEEDBACK, BILLING).ruleId()).isEqualTo("everything");
        assertThat(Routing.route(acme, NEGATIVE_FEEDBACK, BILLING).levels().get(0).managerIds())
                .containsExactly("priya-shah");
    }

    @Test
    void aRuleMatchesByType() {
        TenantDirectory acme = ruleMatching("{ types: [LEAD, ALL_FIVES] }");

        assertThat(ruleFor(acme, LEAD, BILLING)).isEqualTo("r");
        assertThat(ruleFor(acme, ALL_FIVES, BILLING)).isEqualTo("r");
        assertThat(ruleFor(acme, POOR_SCORE, BILLING)).isNull();
    }

    @Test
    void aRuleMatchesByTheAgentsTeamExactly() {
        TenantDirectory acme = ruleMatching("{ teams: [support-us] }");

        assertThat(ruleFor(acme, POOR_SCORE, survey("support-us", NO_FLAGS))).isEqualTo("r");
        assertThat(ruleFor(acme, POOR_SCORE, survey("billing-uk", NO_FLAGS))).isNull();
        assertThat(ruleFor(acme, POOR_SCORE, survey("Support-US", NO_FLAGS))).isNull();
        assertThat(ruleFor(acme, POOR_SCORE, survey(null, NO_FLAGS))).isNull();
    }

    @Test
    void aRuleMatchesByTheAgentsSite() {
        TenantDirectory acme = ruleMatching("{ sites: [austin] }");

        assertThat(ruleFor(acme, POOR_SCORE, survey(agent("csr-17", "billing-uk", "austin"), "billing", NO_FLAGS)))
                .isEqualTo("r");
        assertThat(ruleFor(acme, POOR_SCORE, survey(agent("csr-17", "support-us", "london"), "billing", NO_FLAGS)))
                .as("the agent's site, not their team's").isNull();
    }

    @Test
    void aRuleMatchesByQueue() {
        TenantDirectory acme = ruleMatching("{ queues: [sales, renewals] }");

        assertThat(ruleFor(acme, LEAD, survey(agent("csr-17", "billing-uk", "london"), "renewals", NO_FLAGS)))
                .isEqualTo("r");
        assertThat(ruleFor(acme, LEAD, survey(agent("csr-17", "billing-uk", "london"), "billing", NO_FLAGS))).isNull();
        assertThat(ruleFor(acme, LEAD, survey(agent("csr-17", "billing-uk", "london"), null, NO_FLAGS))).isNull();
    }

    @Test
    void aRuleMatchesByAgent() {
        TenantDirectory acme = ruleMatching("{ agents: [csr-99] }");

        assertThat(ruleFor(acme, POOR_SCORE, survey(agent("csr-99", "billing-uk", "london"), "billing", NO_FLAGS)))
                .isEqualTo("r");
        assertThat(ruleFor(acme, POOR_SCORE, BILLING)).isNull();
    }

    @Test
    void everyGivenListMustMatchAndAnEmptyListMatchesAnything() {
        TenantDirectory acme = withRules("""
                - id: poor-billing-calls
                  match: { types: [POOR_SCORE], teams: [billing-uk], sites: [], queues: [billing] }
                  levels: [ { managers: [priya-shah] } ]
                """);

        assertThat(ruleFor(acme, POOR_SCORE, BILLING)).isEqualTo("poor-billing-calls");
        assertThat(ruleFor(acme, NEGATIVE_FEEDBACK, BILLING)).as("wrong type").isNull();
        assertThat(ruleFor(acme, POOR_SCORE, survey(agent("csr-17", "billing-uk", "london"), "sales", NO_FLAGS)))
                .as("wrong queue").isNull();
    }

    @Test
    void anEmptyMatchIsACatchAllEvenForASurveyWithoutAgentOrCall() {
        TenantDirectory acme = withRules("- { id: all, match: {}, levels: [ { managers: [priya-shah] } ] }");
        Survey bare = new Survey("s-2", Instant.parse("2026-12-04T16:00:00Z"), null, null, null, List.of(), null,
                NO_FLAGS);

        for (EscalationType type : EscalationType.values()) {
            assertThat(ruleFor(acme, type, bare)).as(type.name()).isEqualTo("all");
        }
    }

    // --- who each level reaches

    @Test
    void theAgentsTeamResolvesToTheManagersOfTheSurveyedAgentsTeam() {
        TenantDirectory acme = withRules("- { id: r, levels: [ { agentTeam: true } ] }");

        assertThat(managers(Routing.route(acme, POOR_SCORE, BILLING), 1)).containsExactly("mia-jones", "ollie-king");
        assertThat(managers(Routing.route(acme, POOR_SCORE, survey("support-us", NO_FLAGS)), 1))
                .containsExactly("carlos-ruiz");
    }

    @Test
    void theAgentsTeamComesFirstThenNamedTeamsThenNamedManagersEachOnce() {
        TenantDirectory acme = withRules("""
                - { id: r, levels: [ { managers: [hana-sato, ollie-king], teams: [support-us, billing-uk], agentTeam: true } ] }
                """);

        assertThat(managers(Routing.route(acme, POOR_SCORE, BILLING), 1))
                .containsExactly("mia-jones", "ollie-king", "carlos-ruiz", "hana-sato");
    }

    @Test
    void anUnknownAgentTeamReachesTheFallbackManager() {
        TenantDirectory acme = withRules("""
                - id: r
                  levels:
                    - { agentTeam: true, acknowledgeWithin: PT30M }
                    - { managers: [hana-sato] }
                """);

        for (Survey survey : List.of(survey("night-shift", NO_FLAGS), survey(null, NO_FLAGS),
                survey((Survey.Agent) null, "billing", NO_FLAGS))) {
            Route route = Routing.route(acme, POOR_SCORE, survey);
            assertThat(route.ruleId()).isEqualTo("r");
            assertThat(managers(route, 1)).as("nobody to tell at level 1").containsExactly("cx-desk");
            assertThat(managers(route, 2)).containsExactly("hana-sato");
        }
    }

    @Test
    void aLevelThatAlsoNamesSomeoneDoesNotAddTheFallback() {
        TenantDirectory acme = withRules("- { id: r, levels: [ { agentTeam: true, managers: [priya-shah] } ] }");

        assertThat(managers(Routing.route(acme, LEAD, survey("night-shift", NO_FLAGS)), 1))
                .containsExactly("priya-shah");
    }

    @Test
    void noMatchingRuleRoutesToTheFallbackManagerAloneOnTheWallClock() {
        TenantDirectory acme = ruleMatching("{ types: [LEAD] }");

        Route route = Routing.route(acme, POOR_SCORE, BILLING);

        assertThat(route).isEqualTo(new Route(null, SlaClock.WALL_CLOCK, Delivery.AT_ONCE, null,
                List.of(new Route.Level(1, List.of("cx-desk"), null))));
        assertThat(route.matchedNoRule()).isTrue();
        assertThat(Routing.route(withRules("[]"), POOR_SCORE, BILLING)).isEqualTo(route);
    }

    @Test
    void aRouteKeepsTheRulesClockAndNumbersItsLevels() {
        TenantDirectory acme = withRules("""
                - id: r
                  clock: BUSINESS_HOURS
                  levels:
                    - { agentTeam: true, acknowledgeWithin: PT30M }
                    - { managers: [hana-sato], acknowledgeWithin: PT1H }
                    - { managers: [cx-desk] }
                """);

        Route route = Routing.route(acme, NEGATIVE_FEEDBACK, BILLING);

        assertThat(route).isEqualTo(new Route("r", SlaClock.BUSINESS_HOURS, Delivery.AT_ONCE, null, List.of(
                new Route.Level(1, List.of("mia-jones", "ollie-king"), Duration.ofMinutes(30)),
                new Route.Level(2, List.of("hana-sato"), Duration.ofHours(1)),
                new Route.Level(3, List.of("cx-desk"), null))));
        assertThat(route.matchedNoRule()).isFalse();
        assertThat(route.after(route.levels().get(0))).contains(route.levels().get(1));
        assertThat(route.after(route.levels().get(2))).isEmpty();
    }

    // --- recipients of one alert

    @Test
    void onePersonReachedAboutSeveralEscalationsIsOneRecipientToldOfThemAllInOrder() {
        List<Routing.Told> told = List.of(
                told("e-neg", AT_ONCE, "mia-jones", "ollie-king"),
                told("e-poor", AT_ONCE, "mia-jones", "carlos-ruiz"),
                told("e-lead", AT_ONCE, "carlos-ruiz", "mia-jones"));

        List<Recipient> recipients = Routing.recipients(withRules("[]"), told, MONDAY_MORNING);

        assertThat(recipients).containsExactly(
                new Recipient("mia-jones", "Mia Jones", "mia.jones@acme.example", "Europe/London", List.of("EMAIL"),
                        List.of("e-neg", "e-poor", "e-lead")),
                new Recipient("ollie-king", "Ollie King", "ollie.king@acme.example", "Europe/London",
                        List.of("EMAIL"), List.of("e-neg")),
                new Recipient("carlos-ruiz", "Carlos Ruiz", "carlos.ruiz@acme.example", "America/Chicago",
                        List.of("EMAIL", "PUSH"), List.of("e-poor", "e-lead")));
    }

    @Test
    void managersNoLongerInTheDirectoryAreLeftOut() {
        List<Routing.Told> told = List.of(told("e-neg", AT_ONCE, "left-last-week", "mia-jones"),
                told("e-poor", AT_ONCE, "left-last-week"));

        assertThat(Routing.recipients(withRules("[]"), told, MONDAY_MORNING)).extracting(Recipient::managerId)
                .containsExactly("mia-jones");
        assertThat(Routing.recipients(withRules("[]"), List.of(), MONDAY_MORNING)).isEmpty();
    }

    // --- when alerts may arrive: quiet hours and grouping

    @Test
    void negativeTypesAlertAtOnceAndPraiseAndLeadsWaitForWorkingHoursUnlessTheRuleSays() {
        assertThat(Delivery.defaultFor(NEGATIVE_FEEDBACK)).isEqualTo(Delivery.AT_ONCE);
        assertThat(Delivery.defaultFor(POOR_SCORE)).isEqualTo(Delivery.AT_ONCE);
        assertThat(Delivery.defaultFor(ALL_FIVES)).isEqualTo(Delivery.WORKING_HOURS);
        assertThat(Delivery.defaultFor(LEAD)).isEqualTo(Delivery.WORKING_HOURS);
        assertThat(Routing.route(ruleMatching("{ types: [LEAD] }"), LEAD, BILLING).delivery())
                .isEqualTo(Delivery.WORKING_HOURS);
        TenantDirectory urgentLeads = withRules("""
                - id: urgent-leads
                  delivery: AT_ONCE
                  groupWithin: PT10M
                  levels:
                    - { agentTeam: true }
                """);
        Route urgent = Routing.route(urgentLeads, LEAD, BILLING);
        assertThat(urgent.delivery()).isEqualTo(Delivery.AT_ONCE);
        assertThat(urgent.groupWithin()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anAlertThatCanWaitIsHeldUntilTheRecipientsWorkingHoursStart() {
        // Saturday noon in London: Mia works the default Monday to Friday 09:00-17:00 Europe/London
        Instant saturday = Instant.parse("2026-12-05T12:00:00Z");
        List<Recipient> recipients = Routing.recipients(withRules("[]"),
                List.of(told("e-fives", WORKING_HOURS, "mia-jones")), saturday);

        assertThat(recipients).singleElement().satisfies(
                mia -> assertThat(mia.holdUntil()).isEqualTo(Instant.parse("2026-12-07T09:00:00Z")));
        assertThat(Routing.recipients(withRules("[]"), List.of(told("e-fives", WORKING_HOURS, "mia-jones")),
                MONDAY_MORNING)).singleElement().satisfies(mia -> assertThat(mia.holdUntil()).isNull());
    }

    @Test
    void anAlertThatCannotWaitTakesTheOthersForTheSameManagerAlong() {
        Instant saturday = Instant.parse("2026-12-05T12:00:00Z");
        List<Recipient> recipients = Routing.recipients(withRules("[]"), List.of(
                told("e-neg", AT_ONCE, "mia-jones"),
                told("e-fives", WORKING_HOURS, "mia-jones", "ollie-king")), saturday);

        assertThat(recipients).extracting(Recipient::managerId, Recipient::holdUntil).containsExactly(
                tuple("mia-jones", null),
                tuple("ollie-king", Instant.parse("2026-12-07T09:00:00Z")));
    }

    @Test
    void alertsAreGroupedOnlyWhenEveryRuleGroupsAndOverTheShortestWindow() {
        Routing.Told tenMinutes = new Routing.Told("e-1", route(AT_ONCE, Duration.ofMinutes(10)), List.of("mia-jones"));
        Routing.Told fiveMinutes = new Routing.Told("e-2", route(AT_ONCE, Duration.ofMinutes(5)), List.of("mia-jones"));
        Routing.Told never = told("e-3", AT_ONCE, "mia-jones");

        assertThat(Routing.recipients(withRules("[]"), List.of(tenMinutes, fiveMinutes), MONDAY_MORNING).get(0)
                .groupWithin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(Routing.recipients(withRules("[]"), List.of(tenMinutes, never), MONDAY_MORNING).get(0)
                .groupWithin()).isNull();
    }

    // --- when a level is overdue: wall clock

    @Test
    void onTheWallClockALevelIsOverdueItsAcknowledgeTimeAfterItWasAlerted() {
        TenantDirectory acme = withRules("""
                - id: r
                  levels:
                    - { agentTeam: true, acknowledgeWithin: PT30M }
                    - { managers: [hana-sato], acknowledgeWithin: PT4H }
                    - { managers: [cx-desk] }
                """);
        Route route = Routing.route(acme, POOR_SCORE, BILLING);
        // Friday evening: the wall clock counts the night and the weekend alike
        Instant alerted = Instant.parse("2026-12-04T22:45:00Z");

        assertThat(Routing.overdueAt(acme, route, route.levels().get(0), alerted, BILLING))
                .contains(Instant.parse("2026-12-04T23:15:00Z"));
        assertThat(Routing.overdueAt(acme, route, route.levels().get(1), alerted, BILLING))
                .contains(Instant.parse("2026-12-05T02:45:00Z"));
    }

    @Test
    void theLastLevelIsNeverOverdue() {
        TenantDirectory acme = withRules("- { id: r, match: { types: [LEAD] }, levels: [ { agentTeam: true } ] }");
        Route route = Routing.route(acme, LEAD, BILLING);
        Route fallback = Routing.route(acme, POOR_SCORE, BILLING);
        Instant alerted = Instant.parse("2026-12-04T16:00:00Z");

        assertThat(Routing.overdueAt(acme, route, route.levels().get(0), alerted, BILLING)).isEmpty();
        assertThat(Routing.overdueAt(acme, fallback, fallback.levels().get(0), alerted, BILLING)).isEmpty();
    }

    // --- when a level is overdue: business hours

    /**
     * Initech, as in the test seed file: London 09:00-17:00 and Tokyo 09:00-18:00 on weekdays, London closed on
     * 25 and 28 December 2026. Managers whose site comes from elsewhere test where each manager's hours come from.
     */
    private static final TenantDirectory INITECH = directory("""
            id: initech
            name: Initech
            sites:
              - id: london
                name: London
                timeZone: Europe/London
                businessHours: { monday: ["09:00-17:00"], tuesday: ["09:00-17:00"], wednesday: ["09:00-17:00"], thursday: ["09:00-17:00"], friday: ["09:00-17:00"] }
                holidays: [2026-12-25, 2026-12-28]
              - id: tokyo
                name: Tokyo
                timeZone: Asia/Tokyo
                businessHours: { monday: ["09:00-18:00"], tuesday: ["09:00-18:00"], wednesday: ["09:00-18:00"], thursday: ["09:00-18:00"], friday: ["09:00-18:00"] }
              - id: austin
                name: Austin
                timeZone: America/Chicago
                businessHours: { monday: ["07:00-19:00"], tuesday: ["07:00-19:00"], wednesday: ["07:00-19:00"], thursday: ["07:00-19:00"], friday: ["07:00-19:00"] }
            managers:
              - { id: lena-ward, name: Lena Ward, email: lena.ward@initech.example, timeZone: Europe/London, site: london }
              - { id: kenji-mori, name: Kenji Mori, email: kenji.mori@initech.example, timeZone: Asia/Tokyo, site: tokyo }
              - { id: bill-lumbergh, name: Bill Lumbergh, email: bill@initech.example, timeZone: Europe/London, site: london }
              - { id: una-own-site, name: Una, email: una@initech.example, timeZone: Europe/London, site: london }
              - { id: tom-team-site, name: Tom, email: tom@initech.example, timeZone: America/Chicago }
              - { id: nia-no-site, name: Nia, email: nia@initech.example, timeZone: Europe/Paris }
            teams:
              - { id: us-nights, name: US nights, site: austin, managers: [una-own-site, tom-team-site] }
              - { id: uk-days, name: UK days, site: london, managers: [tom-team-site] }
            routing:
              fallback: bill-lumbergh
              rules:
                - id: business-hours-chain
                  match: { types: [POOR_SCORE] }
                  clock: BUSINESS_HOURS
                  levels:
                    - { managers: [lena-ward, kenji-mori], acknowledgeWithin: PT2H }
                    - { managers: [bill-lumbergh] }
                - id: one-person
                  clock: BUSINESS_HOURS
                  levels:
                    - { managers: [una-own-site], acknowledgeWithin: PT2H }
                    - { managers: [bill-lumbergh] }
            """);

    @Test
    void inBusinessHoursTheLevelIsOverdueWhenEveryManagerHasHadTheFullTimeAtTheirSite() {
        // Alerted Friday 4 December 2026 16:00Z; each manager must have had 2 hours of their own site's hours:
        // - Lena, London (GMT, UTC+0 in December, 09:00-17:00): 16:00-17:00 Friday is 1 hour; the weekend is
        //   closed; the second hour is Monday 7 Dec 09:00-10:00 London, so her deadline is Monday 10:00Z.
        // - Kenji, Tokyo (JST, UTC+9, 09:00-18:00): 16:00Z Friday is Saturday 01:00 JST, closed until Monday
        //   09:00 JST (= Monday 7 Dec 00:00Z); 2 hours later is Monday 11:00 JST = Monday 7 Dec 02:00Z.
        // The level is overdue at the LATER of the two, Monday 10:00Z, so Lena is not skipped because Tokyo opened
        // first. (The wall clock would have said Friday 18:00Z.)
        assertThat(firstLevelOverdue(POOR_SCORE, "2026-12-04T16:00:00Z"))
                .contains(Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void inBusinessHoursTheLatestDeadlineWinsWhicheverSiteItIs() {
        // Alerted Monday 7 December 2026 08:00Z:
        // - Lena, London: closed until 09:00 GMT, so 09:00-11:00 -> Monday 11:00Z.
        // - Kenji, Tokyo: 08:00Z is 17:00 JST Monday, 1 hour to 18:00; the second hour is Tuesday 09:00-10:00 JST
        //   -> Tuesday 8 Dec 10:00 JST = Tuesday 01:00Z, the later one this time.
        assertThat(firstLevelOverdue(POOR_SCORE, "2026-12-07T08:00:00Z"))
                .contains(Instant.parse("2026-12-08T01:00:00Z"));
    }

    @Test
    void inBusinessHoursASitesHolidaysAreSkipped() {
        // Alerted Thursday 24 December 2026 16:00Z:
        // - Lena, London: 16:00-17:00 Thursday is 1 hour; Friday 25 is a holiday, then the weekend, then Monday 28
        //   is a holiday; the second hour is Tuesday 29 Dec 09:00-10:00 -> Tuesday 10:00Z.
        // - Kenji, Tokyo (no holidays): 16:00Z is Friday 25 01:00 JST; Friday 09:00-11:00 JST -> Friday 02:00Z.
        assertThat(firstLevelOverdue(POOR_SCORE, "2026-12-24T16:00:00Z"))
                .contains(Instant.parse("2026-12-29T10:00:00Z"));
    }

    @Test
    void inBusinessHoursTheSitesOwnClockCountsInSummerTime() {
        // Alerted Friday 3 July 2026 15:00Z = 16:00 BST (UTC+1) for Una in London: 1 hour to 17:00 BST, the second
        // hour is Monday 6 July 09:00-10:00 BST = 08:00-09:00Z.
        assertThat(firstLevelOverdue(LEAD, "2026-07-03T15:00:00Z")).contains(Instant.parse("2026-07-06T09:00:00Z"));
    }

    /*
     * Where a manager's hours come from. Alerted Friday 4 December 2026 00:30Z, with 2 hours to acknowledge:
     * - London (GMT, 09:00-17:00): closed until 09:00, so 09:00-11:00 -> Friday 11:00Z.
     * - Austin (CST, UTC-6, 07:00-19:00): 00:30Z is Thursday 18:30 CST, 30 minutes to 19:00; the other 1h30 is
     *   Friday 07:00-08:30 CST = 13:00-14:30Z -> Friday 14:30Z.
     * - the wall clock: Friday 02:30Z.
     */
    private static final Instant THURSDAY_NIGHT_IN_AUSTIN = Instant.parse("2026-12-04T00:30:00Z");
    private static final Instant LONDON_DEADLINE = Instant.parse("2026-12-04T11:00:00Z");
    private static final Instant AUSTIN_DEADLINE = Instant.parse("2026-12-04T14:30:00Z");
    private static final Instant WALL_CLOCK_DEADLINE = Instant.parse("2026-12-04T02:30:00Z");

    @Test
    void aManagersOwnSiteCountsBeforeTheirTeamsSite() {
        // Una works at london although she also manages the austin team
        assertThat(overdueOf("una-own-site", BILLING)).contains(LONDON_DEADLINE);
    }

    @Test
    void aManagerWithoutASiteWorksByTheSiteOfTheirFirstTeam() {
        // Tom manages us-nights (austin) and then uk-days (london)
        assertThat(overdueOf("tom-team-site", BILLING)).contains(AUSTIN_DEADLINE);
    }

    @Test
    void aManagerWithNeitherSiteNorTeamWorksByTheSurveyedAgentsSite() {
        assertThat(overdueOf("nia-no-site", survey(agent("csr-17", null, "london"), "billing", NO_FLAGS)))
                .contains(LONDON_DEADLINE);
        assertThat(overdueOf("nia-no-site", survey(agent("csr-17", null, "austin"), "billing", NO_FLAGS)))
                .contains(AUSTIN_DEADLINE);
        assertThat(overdueOf("nia-no-site", survey(agent("csr-17", "us-nights", "leeds"), "billing", NO_FLAGS)))
                .as("a site the directory does not know: the agent's team's site").contains(AUSTIN_DEADLINE);
    }

    @Test
    void aManagerWithoutAnySiteCountsTheWallClock() {
        assertThat(overdueOf("nia-no-site", survey(agent("csr-17", "night-shift", "leeds"), "billing", NO_FLAGS)))
                .contains(WALL_CLOCK_DEADLINE);
        assertThat(overdueOf("nia-no-site", survey((Survey.Agent) null, "billing", NO_FLAGS)))
                .contains(WALL_CLOCK_DEADLINE);
    }

    @Test
    void aManagerWithoutASiteDoesNotShortenTheOthersTime() {
        Route route = new Route("r", SlaClock.BUSINESS_HOURS, Delivery.AT_ONCE, null, List.of(
                new Route.Level(1, List.of("nia-no-site", "tom-team-site", "una-own-site"), Duration.ofHours(2)),
                new Route.Level(2, List.of("bill-lumbergh"), null)));
        Survey nowhere = survey(agent("csr-17", null, null), "billing", NO_FLAGS);

        assertThat(Routing.overdueAt(INITECH, route, route.levels().get(0), THURSDAY_NIGHT_IN_AUSTIN, nowhere))
                .contains(AUSTIN_DEADLINE);
    }

    private static final Delivery AT_ONCE = Delivery.AT_ONCE;
    private static final Delivery WORKING_HOURS = Delivery.WORKING_HOURS;
    /** Monday 7 Dec 2026 10:00 in London: everyone with default working hours is at work. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T10:00:00Z");

    private static Route route(Delivery delivery, Duration groupWithin) {
        return new Route("r", SlaClock.WALL_CLOCK, delivery, groupWithin,
                List.of(new Route.Level(1, List.of("mia-jones"), null)));
    }

    private static Routing.Told told(String escalationId, Delivery delivery, String... managerIds) {
        return new Routing.Told(escalationId, route(delivery, null), List.of(managerIds));
    }

    /** When level 1 of the INITECH rule for {@code type} is overdue, alerted at {@code alertedAt}. */
    private static Optional<Instant> firstLevelOverdue(EscalationType type, String alertedAt) {
        Route route = Routing.route(INITECH, type, BILLING);
        return Routing.overdueAt(INITECH, route, route.levels().get(0), Instant.parse(alertedAt), BILLING);
    }

    private static Optional<Instant> overdueOf(String managerId, Survey survey) {
        Route route = new Route("r", SlaClock.BUSINESS_HOURS, Delivery.AT_ONCE, null, List.of(
                new Route.Level(1, List.of(managerId), Duration.ofHours(2)),
                new Route.Level(2, List.of("bill-lumbergh"), null)));
        return Routing.overdueAt(INITECH, route, route.levels().get(0), THURSDAY_NIGHT_IN_AUSTIN, survey);
    }

    private static TenantDirectory withRules(String rules) {
        String indented = rules.strip().startsWith("[") ? " " + rules.strip() + "\n" : "\n" + rules.indent(4);
        return directory(ACME.stripTrailing() + indented);
    }

    /** One rule {@code r} telling priya-shah of what {@code match} fits; anything else goes to the fallback. */
    private static TenantDirectory ruleMatching(String match) {
        return withRules("- { id: r, match: " + match + ", levels: [ { managers: [priya-shah] } ] }");
    }

    private static String ruleFor(TenantDirectory directory, EscalationType type, Survey survey) {
        return Routing.route(directory, type, survey).ruleId();
    }

    private static List<String> managers(Route route, int level) {
        return route.level(level).orElseThrow().managerIds();
    }
}
