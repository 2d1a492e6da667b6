package dev.closeloop.escalation.directory;

import static dev.closeloop.escalation.directory.DirectoryFixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.closeloop.escalation.directory.DirectoryDocuments.UnreadableDirectoryException;
import dev.closeloop.events.EscalationType;

class DirectoryDocumentsTest {

    /** Every field of the model set, most of them to something other than their default. */
    private static final TenantDirectory FULL = new TenantDirectory("acme", "Acme Energy",
            List.of(new Site("manchester", "Manchester contact centre", "Europe/London",
                    Map.of("monday", List.of("08:00-12:00", "13:00-18:00"), "saturday", List.of("09:00-13:00")),
                    List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)))),
            List.of(new Manager("mia-jones", "Mia Jones", "mia.jones@acme.example", "en-GB", "Europe/London", null,
                            List.of("EMAIL", "PUSH"), Map.of()),
                    new Manager("hana-sato", "Hana Sato", "hana.sato@acme.example", "ja-JP", "Asia/Tokyo",
                            "manchester", null, Map.of("friday", List.of("09:00-18:00"))),
                    new Manager("cx-desk", "CX Desk", "cx-desk@acme.example", null, "Europe/London", "manchester",
                            null, null)),
            List.of(new Team("billing-uk", "Billing UK", "manchester", List.of("mia-jones"))),
            new RoutingPolicy("cx-desk", List.of(
                    new RoutingRule("unhappy-customers", "The agent's team, then the head of CX",
                            new RuleMatch(List.of(EscalationType.NEGATIVE_FEEDBACK, EscalationType.POOR_SCORE),
                                    List.of("billing-uk"), List.of("manchester"), List.of("billing"),
                                    List.of("csr-17")),
                            SlaClock.BUSINESS_HOURS,
                            List.of(new RuleLevel(List.of("cx-desk"), List.of("billing-uk"), true,
                                    Duration.ofMinutes(30)),
                                    new RuleLevel(List.of("hana-sato"), null, false, null))),
                    new RoutingRule("everything-else", null, null, null,
                            List.of(new RuleLevel(List.of("cx-desk"), null, false, null))))));

    @Test
    void theFullDirectoryIsValid() {
        // so that the round trips below are of a directory that can really be stored
        assertThat(DirectoryValidator.validate(FULL)).isEmpty();
    }

    @Test
    void anExportedYamlImportsAsAnEqualDirectory() {
        String yaml = DirectoryDocuments.toYaml(FULL);

        assertThat(DirectoryDocuments.fromYaml(yaml)).isEqualTo(FULL);
    }

    @Test
    void jsonRoundTripsToAnEqualDirectory() {
        String json = DirectoryDocuments.toJson(FULL);

        assertThat(DirectoryDocuments.fromJson(json)).isEqualTo(FULL);
    }

    @Test
    void theSeedFilesDirectoriesRoundTripThroughBothFormats() {
        for (String file : List.of("../config/local/directory.yaml", "src/test/resources/test-directory.yaml")) {
            for (TenantDirectory tenant : DirectorySeed.load(Path.of(file)).tenants()) {
                assertThat(DirectoryDocuments.fromYaml(DirectoryDocuments.toYaml(tenant))).as(file).isEqualTo(tenant);
                assertThat(DirectoryDocuments.fromJson(DirectoryDocuments.toJson(tenant))).as(file).isEqualTo(tenant);
            }
        }
    }

    @Test
    void textThatLooksLikeAnotherYamlTypeStaysText() {
        List<String> names = List.of("yes", "No", "off", "true", "null", "~", "0123", "1e3", "12:30", "#1 team",
                "- dash", "a: b", "[x]", "2026-12-25", "'quoted'", "\"double\"", "  padded  ");
        TenantDirectory tricky = new TenantDirectory("acme", "Acme", List.of(), List.of(),
                names.stream().map(name -> new Team("t" + names.indexOf(name), name, null, List.of("cx-desk")))
                        .toList(),
                new RoutingPolicy("cx-desk", null));

        assertThat(DirectoryDocuments.fromYaml(DirectoryDocuments.toYaml(tricky))).isEqualTo(tricky);
        assertThat(DirectoryDocuments.fromJson(DirectoryDocuments.toJson(tricky))).isEqualTo(tricky);
    }

    @Test
    void theExportReadsAsAnAdminWouldWriteIt() {
        String yaml = DirectoryDocuments.toYaml(FULL);

        assertThat(yaml).doesNotStartWith("---")
                .contains("acknowledgeWithin: PT30M", "clock: BUSINESS_HOURS", "- 2026-12-25", "agentTeam: true")
                .as("defaults and absent values are left out").doesNotContain("agentTeam: false", "null", "levels: []");
        assertThat(yaml.indexOf("id: acme")).as("the tenant's id comes first").isZero();
        assertThat(DirectoryDocuments.toJson(FULL)).contains("\"acknowledgeWithin\":\"PT30M\"");
    }

    @Test
    void aDurationReadsAsIso8601() {
        TenantDirectory read = DirectoryDocuments.fromYaml("""
                id: acme
                name: Acme
                routing:
                  fallback: cx-desk
                  rules:
                    - id: stepped
                      levels:
                        - { managers: [cx-desk], acknowledgeWithin: PT30M }
                        - { managers: [cx-desk], acknowledgeWithin: PT1H30M }
                        - { managers: [cx-desk], acknowledgeWithin: P1D }
                """);

        assertThat(read.routing().rules().get(0).levels()).extracting(RuleLevel::acknowledgeWithin)
                .containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(90), Duration.ofDays(1));
    }

    @Test
    void absentOptionalPartsReadAsTheirDefaults() {
        TenantDirectory read = DirectoryDocuments.fromYaml("""
                id: acme
                name: Acme
                managers:
                  - { id: cx-desk, name: CX Desk, email: cx-desk@acme.example, timeZone: Europe/London }
                routing:
                  fallback: cx-desk
                  rules:
                    - id: r
                      levels:
                        - { managers: [cx-desk] }
                """);

        assertThat(read.sites()).isEmpty();
        assertThat(read.teams()).isEmpty();
        assertThat(read.manager("cx-desk").orElseThrow().channels()).containsExactly("EMAIL");
        assertThat(read.manager("cx-desk").orElseThrow().workingHours()).isEmpty();
        RoutingRule rule = read.routing().rules().get(0);
        assertThat(rule.match()).isEqualTo(RuleMatch.ANY);
        assertThat(rule.clock()).isEqualTo(SlaClock.WALL_CLOCK);
        assertThat(rule.levels().get(0)).isEqualTo(new RuleLevel(List.of("cx-desk"), List.of(), false, null));
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        String yaml = """
                id: acme
                name: Acme
                managers:
                  - id: cx-desk
                    name: CX Desk
                    email: cx-desk@acme.example
                    email: someone-else@acme.example
                    timeZone: Europe/London
                """;

        assertThatThrownBy(() -> DirectoryDocuments.fromYaml(yaml))
                .isInstanceOf(DirectoryDocuments.UnreadableDirectoryException.class)
                .hasMessage("'email' is given twice in the same place (line 7)");
        assertThatThrownBy(() -> DirectoryDocuments.fromJson("{\"id\": \"acme\", \"id\": \"other\"}"))
                .hasMessageStartingWith("'id' is given twice in the same place");
    }

    @Test
    void aMisspeltFieldIsRefusedWithItsPathAndLine() {
        String yaml = """
                id: acme
                name: Acme
                managers:
                  - id: cx-desk
                    name: CX Desk
                    emial: cx-desk@acme.example
                    timeZone: Europe/London
                """;

        assertThatThrownBy(() -> DirectoryDocuments.fromYaml(yaml)).isInstanceOf(UnreadableDirectoryException.class)
                .hasMessage("managers[0].emial: unknown field (line 6)");
    }

    @Test
    void aMisspeltFieldInJsonIsRefusedWithItsPathAndLine() {
        String json = """
                {
                  "id": "acme",
                  "name": "Acme",
                  "managers": [
                    { "id": "cx-desk", "name": "CX Desk", "emial": "cx-desk@acme.example" }
                  ]
                }
                """;

        assertThatThrownBy(() -> DirectoryDocuments.fromJson(json)).isInstanceOf(UnreadableDirectoryException.class)
                .hasMessage("managers[0].emial: unknown field (line 5)");
    }

    @Test
    void aValueOfTheWrongKindIsNamedWithItsPathAndLine() {
        String yaml = """
                id: acme
                name: Acme
                routing:
                  rules:
                    - id: r
                      match:
                        types: [POOR_SCORE]
                      clock: WALL_CLOCK
                      levels:
                        - managers: [cx-desk]
                          acknowledgeWithin: PT30M
                  fallback: cx-desk
                """;

        assertThat(DirectoryDocuments.fromYaml(yaml).routing().rules()).hasSize(1);
        assertUnreadable(yaml.replace("clock: WALL_CLOCK", "clock: OFFICE_HOURS"), "OFFICE_HOURS",
                "routing.rules[0].clock");
        assertUnreadable(yaml.replace("PT30M", "half an hour"), "half an hour",
                "routing.rules[0].levels[0].acknowledgeWithin");
        assertUnreadable(yaml.replace("[POOR_SCORE]", "[POOR]"), "[POOR]", "routing.rules[0].match.types[0]");
        assertUnreadable(yaml.replace("managers: [cx-desk]", "managers: cx-desk"), "managers: cx-desk",
                "routing.rules[0].levels[0].managers");
    }

    private static void assertUnreadable(String yaml, String where, String path) {
        assertThatThrownBy(() -> DirectoryDocuments.fromYaml(yaml)).isInstanceOf(UnreadableDirectoryException.class)
                .hasMessage(path + ": has an unreadable value (line " + lineOf(yaml, where) + ")");
    }

    @Test
    void aDocumentThatIsNotYamlOrJsonIsNamedWithItsLine() {
        assertThatThrownBy(() -> DirectoryDocuments.fromYaml("id: acme\nname: Acme\n- sites\n"))
                .isInstanceOf(UnreadableDirectoryException.class).hasMessage("not valid YAML (line 3)");
        assertThatThrownBy(() -> DirectoryDocuments.fromJson("{\n  \"id\": \"acme\",\n  \"name\": }"))
                .isInstanceOf(UnreadableDirectoryException.class).hasMessage("not valid JSON (line 3)");
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThatThrownBy(() -> DirectoryDocuments.fromYaml(" \n")).hasMessage("the document is empty");
        assertThatThrownBy(() -> DirectoryDocuments.fromJson("")).hasMessage("the document is empty");
        assertThatThrownBy(() -> DirectoryDocuments.fromJson(null)).hasMessage("the document is empty");
    }

    @Test
    void aPartIsReadAsStrictlyAsAWholeDocument() {
        Manager read = DirectoryDocuments.fromJson("""
                {"id": "mia-jones", "name": "Mia Jones", "email": "mia.jones@acme.example", "timeZone": "Europe/London"}
                """, Manager.class);

        assertThat(read.email()).isEqualTo("mia.jones@acme.example");
        assertThatThrownBy(() -> DirectoryDocuments.fromJson("{\"id\": \"billing-uk\", \"managr\": []}", Team.class))
                .isInstanceOf(UnreadableDirectoryException.class).hasMessage("managr: unknown field (line 1)");
        assertThatThrownBy(() -> DirectoryDocuments.fromJson(" ", Site.class)).hasMessage("the body is empty");
    }

    @Test
    void anImportUnderAnotherTenantKeepsEverythingButTheId() {
        TenantDirectory copy = FULL.withId("acme-test");

        assertThat(copy.id()).isEqualTo("acme-test");
        assertThat(copy).isEqualTo(new TenantDirectory("acme-test", FULL.name(), FULL.sites(), FULL.managers(),
                FULL.teams(), FULL.routing()));
    }
}
