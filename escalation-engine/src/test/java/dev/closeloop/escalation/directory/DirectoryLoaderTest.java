package dev.closeloop.escalation.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

class DirectoryLoaderTest {

    private static final String ADMIN_HASH = "$2a$10$v9s/DaGCE/EeRioUqPvJy.E3Oj5kAcOe7YmAQOGATbr2.m.7aXZWW";

    @Test
    void theLocalDemoDirectoryLoadsWithTheDocumentedPeopleAndPasswords() {
        Directory directory = DirectoryLoader.load(Path.of("../config/local/directory.yaml"));

        Tenant acme = directory.tenant("acme").orElseThrow();
        assertThat(acme.team("billing-uk").orElseThrow().site()).isEqualTo("manchester");
        assertThat(acme.team("billing-uk").orElseThrow().managers())
                .containsExactly(new Contact("mia-jones", "Mia Jones", "mia.jones@acme.example", "Europe/London"));
        assertThat(acme.team("support-us").orElseThrow().site()).isEqualTo("austin");
        assertThat(acme.team("support-us").orElseThrow().managers()).containsExactly(
                new Contact("carlos-ruiz", "Carlos Ruiz", "carlos.ruiz@acme.example", "America/Chicago"));
        assertThat(acme.salesContacts()).extracting(Contact::email).containsExactly("priya.shah@acme.example");
        assertThat(acme.fallbackContact().email()).isEqualTo("cx-desk@acme.example");

        Tenant globex = directory.tenant("globex").orElseThrow();
        assertThat(globex.team("helpdesk").orElseThrow().managers()).extracting(Contact::email)
                .containsExactly("gus.grant@globex.example");
        assertThat(globex.fallbackContact().email()).isEqualTo("desk@globex.example");

        assertLogin(directory, "admin@acme.example", "closeloop-admin", "acme", Roles.ADMIN);
        assertLogin(directory, "mia.jones@acme.example", "closeloop-manager", "acme", Roles.MANAGER);
        assertLogin(directory, "admin@globex.example", "globex-admin", "globex", Roles.ADMIN);
    }

    @Test
    void usernamesAreMatchedWithoutRegardToCase() {
        Directory directory = DirectoryLoader.parse(valid(), "test");

        assertThat(directory.login("Admin@ACME.example")).isPresent();
        assertThat(directory.login("nobody@acme.example")).isEmpty();
        assertThat(directory.login(null)).isEmpty();
    }

    @Test
    void anUnknownTimeZoneIsNamedWithItsTenantAndField() {
        assertProblem(valid().replace("America/Chicago", "America/Chicgo"),
                "tenants[0] (acme).teams[1] (support-us).managers[0] (carlos-ruiz).timeZone: unknown time zone "
                        + "'America/Chicgo'");
    }

    @Test
    void anOffsetIsNotAnIanaTimeZone() {
        assertProblem(valid().replace("timeZone: America/Chicago", "timeZone: \"+01:00\""),
                "(carlos-ruiz).timeZone: unknown time zone '+01:00'");
    }

    @Test
    void aMissingEmailIsNamed() {
        assertProblem(valid().replace(", email: priya.shah@acme.example", ""),
                "tenants[0] (acme).salesContacts[0] (priya-shah).email: is required");
    }

    @Test
    void aMalformedEmailIsNamed() {
        assertProblem(valid().replace("cx-desk@acme.example", "cx-desk"),
                "tenants[0] (acme).fallbackContact (cx-desk).email: 'cx-desk' is not an email address");
    }

    @Test
    void duplicateTenantIdsAreRefused() {
        String yaml = valid() + """
                  - id: acme
                    name: Acme again
                    fallbackContact: { id: desk, name: Desk, email: desk@acme2.example, timeZone: UTC }
                """;
        assertProblem(yaml, "tenants[2] (acme).id: duplicate tenant id 'acme'");
    }

    @Test
    void duplicateTeamIdsAreRefused() {
        assertProblem(valid().replace("id: support-us", "id: billing-uk"),
                "tenants[0] (acme).teams[1] (billing-uk).id: duplicate team id 'billing-uk'");
    }

    @Test
    void oneContactIdCannotNameTwoPeople() {
        assertProblem(valid().replace("id: carlos-ruiz", "id: mia-jones"),
                "(mia-jones).id: 'mia-jones' already names a different person");
    }

    @Test
    void theSamePersonMayManageTwoTeamsAndSell() {
        String yaml = valid().replace(
                "{ id: carlos-ruiz, name: Carlos Ruiz, email: carlos.ruiz@acme.example, timeZone: America/Chicago }",
                "{ id: priya-shah, name: Priya Shah, email: priya.shah@acme.example, timeZone: Europe/London }");

        assertThat(DirectoryLoader.parse(yaml, "test").tenant("acme")).isPresent();
    }

    @Test
    void aUsernameIsUniqueAcrossTenants() {
        assertProblem(valid().replace("username: admin@globex.example", "username: ADMIN@acme.example"),
                "tenants[1] (globex).accounts[0].username: duplicate username 'ADMIN@acme.example' "
                        + "(also an account of tenant acme)");
    }

    @Test
    void anInvalidBcryptHashIsRefusedWithoutEchoingIt() {
        assertProblem(valid().replace(ADMIN_HASH, "closeloop-admin"),
                "tenants[0] (acme).accounts[0].passwordHash: is not a valid bcrypt hash");
        assertThatThrownBy(() -> DirectoryLoader.parse(valid().replace(ADMIN_HASH, "closeloop-admin"), "test"))
                .hasMessageNotContaining("closeloop-admin");
    }

    @Test
    void bcryptHashesAreCheckedForShapeAndCost() {
        assertThat(DirectoryLoader.isBcrypt(ADMIN_HASH)).isTrue();
        assertThat(DirectoryLoader.isBcrypt("$2y$" + ADMIN_HASH.substring(4))).isTrue();
        assertThat(DirectoryLoader.isBcrypt(ADMIN_HASH.substring(0, 50))).isFalse();
        assertThat(DirectoryLoader.isBcrypt("$2a$99$" + ADMIN_HASH.substring(7))).isFalse();
        assertThat(DirectoryLoader.isBcrypt(ADMIN_HASH.substring(0, ADMIN_HASH.length() - 1) + "!")).isFalse();
        assertThat(DirectoryLoader.isBcrypt("$1$abc$" + ADMIN_HASH.substring(7))).isFalse();
    }

    @Test
    void anUnknownRoleIsRefused() {
        assertProblem(valid().replace("role: manager", "role: boss"),
                "tenants[0] (acme).accounts[1].role: unknown role 'boss'");
    }

    @Test
    void aTenantNeedsAFallbackContact() {
        String yaml = valid().replace(
                "    fallbackContact: { id: cx-desk, name: CX Desk, email: cx-desk@acme.example, timeZone: Europe/London }\n",
                "");
        assertProblem(yaml, "tenants[0] (acme).fallbackContact: is required");
    }

    @Test
    void aTeamNeedsAManager() {
        String yaml = valid().replace("""
                        managers:
                          - { id: gus-grant, name: Gus Grant, email: gus.grant@globex.example, timeZone: Europe/Berlin }
                """, "");
        assertProblem(yaml, "tenants[1] (globex).teams[0] (helpdesk).managers: at least one manager is required");
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        assertProblem(valid().replace("email: mia.jones@acme.example", "emial: mia.jones@acme.example"),
                "tenants[0].teams[0].managers[0].emial: unknown field");
    }

    @Test
    void anEmptyFileHasNoTenants() {
        assertProblem("", "tenants: at least one tenant is required");
        assertProblem("tenants: []", "tenants: at least one tenant is required");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = valid().replace("America/Chicago", "Mars/Olympus").replace("role: manager", "role: boss");

        assertThatThrownBy(() -> DirectoryLoader.parse(yaml, "directory.yaml"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageStartingWith("Invalid directory directory.yaml:");
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> DirectoryLoader.load(Path.of("target/does-not-exist.yaml")))
                .hasMessageContaining("target/does-not-exist.yaml").hasMessageContaining("cannot read the file");
    }

    private static void assertLogin(Directory directory, String username, String password, String tenant,
            String role) {
        Directory.Login login = directory.login(username).orElseThrow();
        assertThat(login.tenant()).isEqualTo(tenant);
        assertThat(login.account().role()).isEqualTo(role);
        assertThat(BcryptUtil.matches(password, login.account().passwordHash())).as(username).isTrue();
    }

    private static void assertProblem(String yaml, String expected) {
        assertThatThrownBy(() -> DirectoryLoader.parse(yaml, "test"))
                .isInstanceOf(DirectoryException.class)
                .hasMessageContaining(expected);
    }

    static String valid() {
        return """
                tenants:
                  - id: acme
                    name: Acme Energy
                    fallbackContact: { id: cx-desk, name: CX Desk, email: cx-desk@acme.example, timeZone: Europe/London }
                    salesContacts:
                      - { id: priya-shah, name: Priya Shah, email: priya.shah@acme.example, timeZone: Europe/London }
                    teams:
                      - id: billing-uk
                        site: manchester
                        managers:
                          - { id: mia-jones, name: Mia Jones, email: mia.jones@acme.example, timeZone: Europe/London }
                      - id: support-us
                        site: austin
                        managers:
                          - { id: carlos-ruiz, name: Carlos Ruiz, email: carlos.ruiz@acme.example, timeZone: America/Chicago }
                    accounts:
                      - { username: admin@acme.example, passwordHash: "%s", role: admin }
                      - { username: mia.jones@acme.example, passwordHash: "%s", role: manager }
                  - id: globex
                    name: Globex
                    fallbackContact: { id: globex-desk, name: Globex Desk, email: desk@globex.example, timeZone: Europe/Berlin }
                    teams:
                      - id: helpdesk
                        managers:
                          - { id: gus-grant, name: Gus Grant, email: gus.grant@globex.example, timeZone: Europe/Berlin }
                    accounts:
                      - { username: admin@globex.example, passwordHash: "%s", role: admin }
                """.formatted(ADMIN_HASH, ADMIN_HASH, ADMIN_HASH);
    }
}
