package dev.closeloop.escalation.directory;

import static dev.closeloop.escalation.directory.DirectoryFixtures.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;

class DirectorySeedTest {

    /** bcrypt of closeloop-admin, as in both real seed files. */
    private static final String ADMIN_HASH = "$2a$10$v9s/DaGCE/EeRioUqPvJy.E3Oj5kAcOe7YmAQOGATbr2.m.7aXZWW";
    /** bcrypt of closeloop-manager. */
    private static final String MANAGER_HASH = "$2a$10$aF69jvnxdFBMScDuysyBsOxArccHBi9IWUOAlWikKm1zE14cuctmK";
    /** bcrypt of globex-admin. */
    private static final String GLOBEX_HASH = "$2a$10$tyV/QyoGlpV0ir/E2cjSsehfd2oDoj7WHMm4dZkphr5U2OzVgFJsO";

    private static final String VALID = """
            tenants:
              - id: acme
                name: Acme Energy
                sites:
                  - { id: manchester, name: Manchester, timeZone: Europe/London, businessHours: { monday: ["08:00-18:00"] } }
                managers:
                  - { id: mia-jones, name: Mia Jones, email: mia.jones@acme.example, timeZone: Europe/London }
                  - { id: cx-desk, name: CX Desk, email: cx-desk@acme.example, timeZone: Europe/London, site: manchester }
                teams:
                  - { id: billing-uk, name: Billing UK, site: manchester, managers: [mia-jones] }
                routing:
                  fallback: cx-desk
                  rules:
                    - id: unhappy-customers
                      match: { types: [POOR_SCORE] }
                      levels:
                        - { agentTeam: true }
                accounts:
                  - { username: admin@acme.example, passwordHash: "%s", role: admin }
                  - { username: mia.jones@acme.example, passwordHash: "%s", role: manager }
              - id: globex
                name: Globex
                managers:
                  - { id: globex-desk, name: Globex Desk, email: desk@globex.example, timeZone: Europe/Berlin }
                routing: { fallback: globex-desk }
                accounts:
                  - { username: admin@globex.example, passwordHash: "%s", role: admin }
            """.formatted(ADMIN_HASH, MANAGER_HASH, GLOBEX_HASH);

    @Test
    void theLocalDemoFileLoadsWithItsDocumentedPeopleAndPasswords() {
        DirectorySeed seed = DirectorySeed.load(Path.of("../config/local/directory.yaml"));

        assertThat(seed.tenants()).extracting(TenantDirectory::id).containsExactly("acme", "globex");
        TenantDirectory acme = seed.tenants().get(0);
        assertThat(acme.team("billing-uk").orElseThrow()).isEqualTo(
                new Team("billing-uk", "Billing UK", "manchester", List.of("mia-jones")));
        assertThat(acme.site("manchester").orElseThrow().holidays()).hasSize(3);
        assertThat(acme.manager("hana-sato").orElseThrow().workingHours()).containsKey("friday");
        assertThat(acme.routing().fallback()).isEqualTo("cx-desk");
        assertThat(acme.routing().rules()).extracting(RoutingRule::id)
                .containsExactly("unhappy-customers", "leads", "recognition");
        assertThat(seed.tenants()).allSatisfy(tenant -> assertThat(DirectoryValidator.validate(tenant)).isEmpty());

        assertLogin(seed, "admin@acme.example", "closeloop-admin", "acme", Roles.ADMIN);
        assertLogin(seed, "mia.jones@acme.example", "closeloop-manager", "acme", Roles.MANAGER);
        assertLogin(seed, "admin@globex.example", "globex-admin", "globex", Roles.ADMIN);
        assertThat(seed.accounts().count("acme")).isEqualTo(2);
        assertThat(seed.accounts().count("globex")).isEqualTo(1);
    }

    @Test
    void theTestSeedLoadsWithItsBusinessHoursTenant() {
        DirectorySeed seed = DirectorySeed.load(Path.of("src/test/resources/test-directory.yaml"));

        assertThat(seed.tenants()).extracting(TenantDirectory::id).containsExactly("acme", "globex", "initech", "umbrella");
        RoutingRule chain = seed.tenants().get(2).routing().rules().get(0);
        assertThat(chain.clock()).isEqualTo(SlaClock.BUSINESS_HOURS);
        assertThat(chain.levels()).extracting(RuleLevel::acknowledgeWithin).containsExactly(Duration.ofHours(2), null);
        assertThat(seed.tenants()).allSatisfy(tenant -> assertThat(DirectoryValidator.validate(tenant)).isEmpty());

        assertLogin(seed, "admin@acme.example", "closeloop-admin", "acme", Roles.ADMIN);
        assertLogin(seed, "mia.jones@acme.example", "closeloop-manager", "acme", Roles.MANAGER);
        assertLogin(seed, "admin@globex.example", "globex-admin", "globex", Roles.ADMIN);
        assertLogin(seed, "admin@initech.example", "closeloop-admin", "initech", Roles.ADMIN);
    }

    @Test
    void theAccountsAreNotPartOfTheTenantsDirectory() {
        DirectorySeed seed = DirectorySeed.parse(VALID, "test");

        // the directory is what the admin API exports, so the seed's accounts (hashes) must never be in it
        assertThat(DirectoryDocuments.toYaml(seed.tenants().get(0))).doesNotContain("accounts", "passwordHash");
    }

    @Test
    void usernamesAreMatchedWithoutRegardToCaseOrSurroundingSpace() {
        Accounts accounts = DirectorySeed.parse(VALID, "test").accounts();

        assertThat(accounts.login("Admin@ACME.example").orElseThrow().tenant()).isEqualTo("acme");
        assertThat(accounts.login(" mia.jones@acme.example ").orElseThrow().account().role()).isEqualTo(Roles.MANAGER);
        assertThat(accounts.login("nobody@acme.example")).isEmpty();
        assertThat(accounts.login(null)).isEmpty();
    }

    @Test
    void aWrongPasswordDoesNotMatchTheHash() {
        Account admin = DirectorySeed.parse(VALID, "test").accounts().login("admin@acme.example").orElseThrow()
                .account();

        assertThat(BcryptUtil.matches("closeloop-admin", admin.passwordHash())).isTrue();
        assertThat(BcryptUtil.matches("closeloop-manager", admin.passwordHash())).isFalse();
    }

    @Test
    void anAccountNeverShowsItsHashWhenPrinted() {
        Account admin = DirectorySeed.parse(VALID, "test").accounts().login("admin@acme.example").orElseThrow()
                .account();

        assertThat(admin.toString()).doesNotContain(ADMIN_HASH).contains("admin@acme.example");
    }

    @Test
    void aUsernameIsUniqueAcrossTenantsWhateverItsCase() {
        assertProblems(VALID.replace("username: admin@globex.example", "username: ADMIN@acme.example"),
                "tenants[globex].accounts[0].username: duplicate username 'ADMIN@acme.example' "
                        + "(also an account of tenant acme)");
    }

    @Test
    void aUsernameIsUniqueWithinATenant() {
        assertProblems(VALID.replace("username: mia.jones@acme.example", "username: admin@acme.example"),
                "tenants[acme].accounts[1].username: duplicate username 'admin@acme.example'");
    }

    @Test
    void anInvalidBcryptHashIsRefusedWithoutEchoingIt() {
        String yaml = VALID.replace(ADMIN_HASH, "closeloop-admin");

        assertThatThrownBy(() -> DirectorySeed.parse(yaml, "test"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("tenants[acme].accounts[0].passwordHash: is not a valid bcrypt hash"))
                .hasMessageNotContaining("closeloop-admin");
    }

    @Test
    void bcryptHashesAreCheckedForShapeAndCost() {
        assertThat(DirectorySeed.isBcrypt(ADMIN_HASH)).isTrue();
        assertThat(DirectorySeed.isBcrypt("$2y$" + ADMIN_HASH.substring(4))).isTrue();
        assertThat(DirectorySeed.isBcrypt("$2b$" + ADMIN_HASH.substring(4))).as("$2b$ is not read by Elytron")
                .isFalse();
        assertThat(DirectorySeed.isBcrypt(ADMIN_HASH.substring(0, 50))).isFalse();
        assertThat(DirectorySeed.isBcrypt("$2a$99$" + ADMIN_HASH.substring(7))).isFalse();
        assertThat(DirectorySeed.isBcrypt("$2a$03$" + ADMIN_HASH.substring(7))).isFalse();
        assertThat(DirectorySeed.isBcrypt(ADMIN_HASH.substring(0, ADMIN_HASH.length() - 1) + "!")).isFalse();
        assertThat(DirectorySeed.isBcrypt("$1$abc$" + ADMIN_HASH.substring(7))).isFalse();
    }

    @Test
    void anAccountNeedsAUsernameAHashAndAKnownRole() {
        assertProblems(VALID.replace("role: manager", "role: boss"),
                "tenants[acme].accounts[1].role: unknown role 'boss' (admin or manager)");
        assertProblems(VALID.replace("{ username: admin@globex.example, passwordHash: \"" + GLOBEX_HASH
                + "\", role: admin }", "{ role: admin }"),
                "tenants[globex].accounts[0].username: is required",
                "tenants[globex].accounts[0].passwordHash: is required");
        assertProblems(VALID.replace("\"" + ADMIN_HASH + "\", role: admin }", "\"" + ADMIN_HASH + "\" }"),
                "tenants[acme].accounts[0].role: is required (admin or manager)");
    }

    @Test
    void aTenantMayHaveNoAccounts() {
        String yaml = VALID.substring(0, VALID.indexOf("    accounts:\n      - { username: admin@globex"));

        assertThat(DirectorySeed.parse(yaml, "test").accounts().count("globex")).isZero();
    }

    @Test
    void anUnknownTopLevelFieldIsNamedWithItsLine() {
        String yaml = "version: 2\n" + VALID;

        assertProblems(yaml, "version: unknown field (the file holds tenants) (line 1)");
    }

    @Test
    void anUnknownTenantFieldIsNamedWithItsPathAndLine() {
        String yaml = VALID.replace("    name: Globex\n", "    name: Globex\n    fallback: globex-desk\n");

        assertProblems(yaml, "tenants[globex].fallback: unknown field (line " + lineOf(yaml, "fallback: globex") + ")");
    }

    @Test
    void aMisspeltFieldDeepInATenantIsNamedWithItsPathAndLine() {
        String yaml = VALID.replace("email: mia.jones@acme.example", "emial: mia.jones@acme.example");

        assertProblems(yaml, "tenants[acme].managers[0].emial: unknown field (line " + lineOf(yaml, "emial") + ")");
    }

    @Test
    void aMisspeltAccountFieldIsNamedWithItsPathAndLine() {
        String yaml = VALID.replace("role: manager", "rol: manager");

        assertProblems(yaml, "tenants[acme].accounts[1].rol: unknown field (line " + lineOf(yaml, "rol: manager")
                + ")");
    }

    @Test
    void anUnreadableValueIsNamedWithItsPathAndLine() {
        String yaml = VALID.replace("types: [POOR_SCORE]", "types: [POOR]");

        assertProblems(yaml, "tenants[acme].routing.rules[0].match.types[0]: has an unreadable value (line "
                + lineOf(yaml, "types: [POOR]") + ")");
    }

    @Test
    void theDirectoryIsValidatedWithTheTenantInEveryPath() {
        assertProblems(VALID.replace("site: manchester, managers: [mia-jones]", "site: leeds, managers: [mia-jones]"),
                "tenants[acme].teams[billing-uk].site: unknown site 'leeds'");
        assertProblems(VALID.replace("fallback: globex-desk", "fallback: nobody"),
                "tenants[globex].routing.fallback: unknown manager 'nobody'");
    }

    @Test
    void duplicateTenantIdsAreRefused() {
        assertProblems(VALID.replace("  - id: globex\n", "  - id: acme\n"),
                "tenants[acme].id: duplicate tenant id 'acme'");
    }

    @Test
    void aTenantThatIsNotAMappingIsNamed() {
        assertProblems(VALID + "  - just a name\n", "tenants[2]: is not a tenant");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        String yaml = VALID.replace("site: manchester, managers: [mia-jones]", "site: leeds, managers: [mia-jones]")
                .replace("role: manager", "role: boss")
                .replace("    name: Globex\n", "    name: Globex\n    colour: red\n");

        assertThatThrownBy(() -> DirectorySeed.parse(yaml, "directory.yaml"))
                .isInstanceOfSatisfying(DirectoryException.class, e -> assertThat(e.problems()).containsExactly(
                        "tenants[acme].teams[billing-uk].site: unknown site 'leeds'",
                        "tenants[acme].accounts[1].role: unknown role 'boss' (admin or manager)",
                        "tenants[globex].colour: unknown field (line " + lineOf(yaml, "colour") + ")"))
                .hasMessageStartingWith("Invalid directory directory.yaml:\n  - tenants[acme].teams[billing-uk].site");
    }

    @Test
    void aFileWithoutTenantsIsRefused() {
        assertProblems("", "tenants: at least one tenant is required");
        assertProblems("tenants: []", "tenants: at least one tenant is required");
        assertProblems("tenants: acme", "tenants: at least one tenant is required");
    }

    @Test
    void aFileThatIsNotYamlIsNamedWithItsLine() {
        assertProblems("tenants:\n  - id: acme\n    name: Acme\n\n - id: globex\n", "not valid YAML (line 5)");
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> DirectorySeed.load(Path.of("target/does-not-exist.yaml")))
                .isInstanceOf(DirectoryException.class)
                .hasMessageContaining("target/does-not-exist.yaml").hasMessageContaining("cannot read the file");
    }

    private static void assertLogin(DirectorySeed seed, String username, String password, String tenant,
            String role) {
        Accounts.Login login = seed.accounts().login(username).orElseThrow();
        assertThat(login.tenant()).isEqualTo(tenant);
        assertThat(login.account().role()).isEqualTo(role);
        assertThat(BcryptUtil.matches(password, login.account().passwordHash())).as(username).isTrue();
    }

    private static void assertProblems(String yaml, String... expected) {
        assertThatThrownBy(() -> DirectorySeed.parse(yaml, "test"))
                .isInstanceOfSatisfying(DirectoryException.class,
                        e -> assertThat(e.problems()).containsExactly(expected));
    }
}
