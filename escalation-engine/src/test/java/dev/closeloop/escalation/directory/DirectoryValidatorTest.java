package dev.closeloop.escalation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DirectoryValidatorTest {

    /** Uses every part of the model once: two windows a day, holidays, working hours, every kind of level. */
    private static final String VALID = """
            id: acme
            name: Acme Energy
            sites:
              - id: manchester
                name: Manchester contact centre
                timeZone: Europe/London
                businessHours:
                  monday: ["08:00-12:00", "13:00-18:00"]
                  tuesday: ["08:00-18:00"]
                  saturday: []
                holidays: [2026-12-25]
            managers:
              - { id: mia-jones, name: Mia Jones, email: mia.jones@acme.example, locale: en-GB, timeZone: Europe/London, channels: [EMAIL, PUSH] }
              - id: hana-sato
                name: Hana Sato
                email: hana.sato@acme.example
                locale: ja-JP
                timeZone: Asia/Tokyo
                site: manchester
                workingHours: { monday: ["09:00-18:00"], friday: ["00:00-24:00"] }
              - { id: cx-desk, name: CX Desk, email: cx-desk@acme.example, timeZone: Europe/London }
            teams:
              - { id: billing-uk, name: Billing UK, site: manchester, managers: [mia-jones] }
            routing:
              fallback: cx-desk
              rules:
                - id: unhappy-customers
                  match: { types: [POOR_SCORE], teams: [billing-uk], sites: [manchester] }
                  clock: BUSINESS_HOURS
                  levels:
                    - { agentTeam: true, acknowledgeWithin: PT30M }
                    - { teams: [billing-uk], managers: [hana-sato], acknowledgeWithin: P30D }
                    - { managers: [cx-desk] }
                - id: everything-else
                  levels:
                    - { managers: [cx-desk] }
            """;

    private static final String RULE = "routing.rules[unhappy-customers]";

    @Test
    void aValidDirectoryHasNoViolations() {
        assertThat(violations(VALID)).isEmpty();
    }

    @Test
    void theTenantNeedsAUsableIdAndAName() {
        assertThat(violations(change("id: acme\nname: Acme Energy\n", "id: Acme\n")))
                .containsExactly(new Violation("id", "'Acme' must be lower-case letters, digits and '-' (at most 100)"),
                        new Violation("name", "is required"));
    }

    // --- ids and references

    @Test
    void anIdUsedTwiceIsNamed() {
        assertThat(violations(change("id: cx-desk, name: CX Desk", "id: mia-jones, name: CX Desk")))
                .contains(new Violation("managers[mia-jones].id", "'mia-jones' is used twice"));
        assertThat(violations(change("teams:\n", "teams:\n  - { id: billing-uk, name: Again, managers: [cx-desk] }\n")))
                .containsExactly(new Violation("teams[billing-uk].id", "'billing-uk' is used twice"));
        assertThat(violations(change("id: everything-else", "id: unhappy-customers")))
                .containsExactly(new Violation(RULE + ".id", "'unhappy-customers' is used twice"));
        assertThat(violations(change("sites:\n", """
                sites:
                  - { id: manchester, name: Again, timeZone: Europe/London, businessHours: { monday: ["09:00-17:00"] } }
                """))).containsExactly(new Violation("sites[manchester].id", "'manchester' is used twice"));
    }

    @Test
    void anIdThatCannotBeUsedIsNamedByItsPosition() {
        assertThat(violations(change("managers:\n", "managers:\n"
                + "  - { id: Ollie King, name: Ollie King, email: ollie@acme.example, timeZone: Europe/London }\n")))
                .containsExactly(new Violation("managers[0].id",
                        "'Ollie King' must be lower-case letters, digits and '-' (at most 100)"));
        assertThat(violations(change("managers:\n",
                "managers:\n  - { name: Ollie King, email: ollie@acme.example, timeZone: Europe/London }\n")))
                .containsExactly(new Violation("managers[0].id", "is required"));
    }

    @Test
    void aTeamsSiteMustExist() {
        assertThat(violations(change("site: manchester, managers: [mia-jones]", "site: leeds, managers: [mia-jones]")))
                .containsExactly(new Violation("teams[billing-uk].site", "unknown site 'leeds'"));
    }

    @Test
    void aTeamNeedsKnownManagers() {
        assertThat(violations(change("managers: [mia-jones] }", "managers: [mia-jones, mia] }")))
                .containsExactly(new Violation("teams[billing-uk].managers", "unknown manager 'mia'"));
        assertThat(violations(change("managers: [mia-jones] }", "managers: [] }")))
                .containsExactly(new Violation("teams[billing-uk].managers",
                        "a team needs at least one manager to alert"));
    }

    @Test
    void aManagersSiteMustExist() {
        assertThat(violations(change("    site: manchester\n", "    site: leeds\n")))
                .containsExactly(new Violation("managers[hana-sato].site", "unknown site 'leeds'"));
    }

    @Test
    void theFallbackManagerMustExist() {
        assertThat(violations(change("fallback: cx-desk", "fallback: cx")))
                .containsExactly(new Violation("routing.fallback", "unknown manager 'cx'"));
        assertThat(violations(change("  fallback: cx-desk\n", "")))
                .containsExactly(new Violation("routing.fallback",
                        "is required: the manager told when no rule matches"));
        assertThat(violations(VALID.substring(0, VALID.indexOf("routing:"))))
                .containsExactly(new Violation("routing", "is required: at least a fallback manager"));
    }

    @Test
    void aRuleMatchesOnlyKnownTeamsAndSites() {
        assertThat(violations(change("teams: [billing-uk], sites: [manchester]", "teams: [billing], sites: [leeds]")))
                .containsExactly(new Violation(RULE + ".match.teams", "unknown team 'billing'"),
                        new Violation(RULE + ".match.sites", "unknown site 'leeds'"));
    }

    // --- levels

    @Test
    void aLevelNamesOnlyKnownManagersAndTeams() {
        assertThat(violations(change("{ teams: [billing-uk], managers: [hana-sato],",
                "{ teams: [billing-us], managers: [hana],")))
                .containsExactly(new Violation(RULE + ".levels[1].managers", "unknown manager 'hana'"),
                        new Violation(RULE + ".levels[1].teams", "unknown team 'billing-us'"));
    }

    @Test
    void aLevelNamingNobodyIsRefused() {
        assertThat(violations(change("{ agentTeam: true, acknowledgeWithin: PT30M }", "{ acknowledgeWithin: PT30M }")))
                .containsExactly(new Violation(RULE + ".levels[0]",
                        "names nobody: give managers, teams or agentTeam: true"));
        assertThat(violations(change("{ agentTeam: true, acknowledgeWithin: PT30M }",
                "{ agentTeam: false, managers: [], acknowledgeWithin: PT30M }")))
                .containsExactly(new Violation(RULE + ".levels[0]",
                        "names nobody: give managers, teams or agentTeam: true"));
    }

    @Test
    void aRuleNeedsALevel() {
        assertThat(violations(change("""
                      levels:
                        - { managers: [cx-desk] }
                """, "      levels: []\n")))
                .containsExactly(new Violation("routing.rules[everything-else].levels",
                        "at least one level is required"));
    }

    @Test
    void everyLevelButTheLastSaysWhenTheNextIsAlerted() {
        assertThat(violations(change("{ agentTeam: true, acknowledgeWithin: PT30M }", "{ agentTeam: true }")))
                .containsExactly(new Violation(RULE + ".levels[0].acknowledgeWithin",
                        "is required (e.g. PT30M): when the next level is alerted"));
    }

    @Test
    void theLastLevelHasNobodyToEscalateTo() {
        assertThat(violations(change("- { managers: [cx-desk] }\n    - id",
                "- { managers: [cx-desk], acknowledgeWithin: PT1H }\n    - id")))
                .containsExactly(new Violation(RULE + ".levels[2].acknowledgeWithin",
                        "the last level has nobody to escalate to; add a level or remove it"));
    }

    @Test
    void anAcknowledgeTimeIsMoreThanZeroAndAtMostThirtyDays() {
        assertThat(violations(change("acknowledgeWithin: PT30M", "acknowledgeWithin: PT0S")))
                .containsExactly(new Violation(RULE + ".levels[0].acknowledgeWithin",
                        "must be more than zero and at most 30 days, was PT0S"));
        assertThat(violations(change("acknowledgeWithin: PT30M", "acknowledgeWithin: -PT30M")))
                .containsExactly(new Violation(RULE + ".levels[0].acknowledgeWithin",
                        "must be more than zero and at most 30 days, was PT-30M"));
        assertThat(violations(change("acknowledgeWithin: P30D", "acknowledgeWithin: PT720H1S")))
                .containsExactly(new Violation(RULE + ".levels[1].acknowledgeWithin",
                        "must be more than zero and at most 30 days, was PT720H1S"));
    }

    // --- time zones and hours

    @Test
    void anOffsetIsNotATimeZoneBecauseItIgnoresDaylightSaving() {
        for (String offset : List.of("+01:00", "UTC+01:00", "GMT+1", "Z")) {
            assertThat(violations(change("    timeZone: Europe/London\n", "    timeZone: \"" + offset + "\"\n")))
                    .as(offset)
                    .containsExactly(new Violation("sites[manchester].timeZone", "'" + offset
                            + "' is not an IANA time zone such as Europe/London (offsets ignore DST)"));
        }
        assertThat(violations(change("timeZone: Asia/Tokyo", "timeZone: \"+09:00\"")))
                .containsExactly(new Violation("managers[hana-sato].timeZone",
                        "'+09:00' is not an IANA time zone such as Europe/London (offsets ignore DST)"));
    }

    @Test
    void utcIsAZoneForSitesThatKeepIt() {
        assertThat(violations(change("    timeZone: Europe/London\n", "    timeZone: UTC\n"))).isEmpty();
        assertThat(violations(change("    timeZone: Europe/London\n", "    timeZone: Etc/UTC\n"))).isEmpty();
    }

    @Test
    void anUnknownOrMissingTimeZoneIsNamed() {
        assertThat(violations(change("    timeZone: Europe/London\n", "    timeZone: Europe/Lndon\n")))
                .containsExactly(new Violation("sites[manchester].timeZone",
                        "'Europe/Lndon' is not an IANA time zone such as Europe/London (offsets ignore DST)"));
        assertThat(violations(change(", timeZone: Europe/London }\nteams", " }\nteams")))
                .containsExactly(new Violation("managers[cx-desk].timeZone",
                        "is required: an IANA zone such as Europe/London"));
    }

    @Test
    void aDayThatIsNotAWeekdayIsNamed() {
        assertThat(violations(change("      monday: [", "      mondy: [")))
                .containsExactly(new Violation("sites[manchester].businessHours.mondy",
                        "not a day of the week (monday..sunday)"));
        assertThat(violations(change("friday: [\"00:00-24:00\"]", "fridy: [\"00:00-24:00\"]")))
                .containsExactly(new Violation("managers[hana-sato].workingHours.fridy",
                        "not a day of the week (monday..sunday)"));
    }

    @Test
    void aWindowThatIsNotHhMmToHhMmIsNamedWithItsDay() {
        assertThat(violations(change("\"08:00-12:00\"", "\"8am-12\"")))
                .containsExactly(new Violation("sites[manchester].businessHours.monday",
                        "8am-12: start '8am' is not a time of day (expected HH:mm, 00:00 to 24:00)"));
        assertThat(violations(change("tuesday: [\"08:00-18:00\"]", "tuesday: [\"18:00-08:00\"]")))
                .containsExactly(new Violation("sites[manchester].businessHours.tuesday",
                        "18:00-08:00: end must be after start"));
    }

    @Test
    void overlappingWindowsAreRefused() {
        assertThat(violations(change("[\"08:00-12:00\", \"13:00-18:00\"]", "[\"08:00-12:00\", \"11:00-18:00\"]")))
                .containsExactly(new Violation("sites[manchester].businessHours",
                        "MONDAY: windows 08:00-12:00 and 11:00-18:00 overlap"));
        assertThat(violations(change("monday: [\"09:00-18:00\"]", "monday: [\"09:00-18:00\", \"17:00-19:00\"]")))
                .containsExactly(new Violation("managers[hana-sato].workingHours",
                        "MONDAY: windows 09:00-18:00 and 17:00-19:00 overlap"));
    }

    @Test
    void aSiteMustOpenAtSomeTime() {
        String closed = VALID.substring(0, VALID.indexOf("    businessHours:")) + "    businessHours: { saturday: [] }\n"
                + VALID.substring(VALID.indexOf("    holidays:"));
        String absent = VALID.substring(0, VALID.indexOf("    businessHours:"))
                + VALID.substring(VALID.indexOf("    holidays:"));
        Violation noWindow = new Violation("sites[manchester].businessHours",
                "at least one opening window is required, e.g. monday: [\"09:00-17:00\"]");

        assertThat(violations(closed)).containsExactly(noWindow);
        assertThat(violations(absent)).containsExactly(noWindow);
    }

    @Test
    void aManagerWithoutWorkingHoursIsValid() {
        assertThat(violations(change("    workingHours: { monday: [\"09:00-18:00\"], friday: [\"00:00-24:00\"] }\n",
                ""))).isEmpty();
    }

    @Test
    void workingHoursThatAreGivenMustOpenAtSomeTime() {
        assertThat(violations(change("{ monday: [\"09:00-18:00\"], friday: [\"00:00-24:00\"] }", "{ monday: [] }")))
                .containsExactly(new Violation("managers[hana-sato].workingHours",
                        "at least one opening window is required, e.g. monday: [\"09:00-17:00\"]"));
    }

    // --- people

    @Test
    void aSiteAndAManagerNeedANameAndAManagerAnEmail() {
        assertThat(violations(change("    name: Manchester contact centre\n", "")))
                .containsExactly(new Violation("sites[manchester].name", "is required"));
        assertThat(violations(change("name: CX Desk, email: cx-desk@acme.example,", "name: \" \",")))
                .containsExactly(new Violation("managers[cx-desk].name", "is required"),
                        new Violation("managers[cx-desk].email", "is required"));
    }

    @Test
    void anEmailMustLookLikeOne() {
        for (String email : List.of("mia.jones", "mia@jones", "mia jones@acme.example", "mia@@acme.example")) {
            assertThat(violations(change("email: mia.jones@acme.example", "email: \"" + email + "\"")))
                    .as(email)
                    .containsExactly(new Violation("managers[mia-jones].email",
                            "'" + email + "' is not an email address"));
        }
    }

    @Test
    void aLocaleMustBeALanguageTag() {
        assertThat(violations(change("locale: en-GB", "locale: en_GB")))
                .containsExactly(new Violation("managers[mia-jones].locale",
                        "'en_GB' is not a language tag such as en-GB"));
        assertThat(violations(change("locale: en-GB, ", ""))).as("the locale is optional").isEmpty();
    }

    @Test
    void aChannelMustBeKnown() {
        assertThat(violations(change("channels: [EMAIL, PUSH]", "channels: [EMAIL, SMS]")))
                .containsExactly(new Violation("managers[mia-jones].channels",
                        "unknown channel 'SMS'; one of [EMAIL, PUSH]"));
        assertThat(violations(change("channels: [EMAIL, PUSH]", "channels: [email]")))
                .as("channels are upper case, as the notification service reads them")
                .containsExactly(new Violation("managers[mia-jones].channels",
                        "unknown channel 'email'; one of [EMAIL, PUSH]"));
    }

    @Test
    void everyViolationIsReportedAtOnceInDocumentOrder() {
        String yaml = change("    timeZone: Europe/London\n", "    timeZone: \"+01:00\"\n");
        yaml = yaml.replace("locale: en-GB", "locale: en_GB")
                .replace("site: manchester, managers: [mia-jones]", "site: leeds, managers: [mia-jones]")
                .replace("{ agentTeam: true, acknowledgeWithin: PT30M }", "{ agentTeam: true }");

        assertThat(violations(yaml)).extracting(Violation::path).containsExactly(
                "sites[manchester].timeZone",
                "managers[mia-jones].locale",
                "teams[billing-uk].site",
                RULE + ".levels[0].acknowledgeWithin");
    }

    @Test
    void aViolationReadsAsPathAndMessage() {
        assertThat(new Violation("teams[billing-uk].site", "unknown site 'leeds'"))
                .hasToString("teams[billing-uk].site: unknown site 'leeds'");
    }

    private static List<Violation> violations(String yaml) {
        return DirectoryValidator.validate(DirectoryDocuments.fromYaml(yaml));
    }

    /** The valid directory with one text replaced; fails when the text is not there, so no test checks VALID. */
    private static String change(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }
}
