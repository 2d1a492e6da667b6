package dev.closeloop.platform.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.closeloop.localstack.testing.MovableClock;
import org.junit.jupiter.api.io.TempDir;

class TenantApiKeysTest {

    private static final Duration RELOAD = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));

    @Test
    void aKeyResolvesToItsTenantAndNothingElseDoes() throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# tenant:sha256\nacme:" + TenantApiKeys.hash("acme-local-key") + "\n\n"
                + "globex : " + TenantApiKeys.hash("globex-key").toUpperCase() + "\n");

        TenantApiKeys keys = new TenantApiKeys(file);

        assertThat(keys.tenantOf("acme-local-key")).contains("acme");
        assertThat(keys.tenantOf("globex-key")).contains("globex");
        assertThat(keys.tenantOf("acme-local-kez")).isEmpty();
        assertThat(keys.tenantOf("")).isEmpty();
        assertThat(keys.tenantOf(null)).isEmpty();
    }

    @Test
    void theFileHoldsNoKeyOnlyItsHash() {
        assertThat(TenantApiKeys.hash("acme-local-key")).hasSize(64).doesNotContain("acme");
    }

    @Test
    void aMatchNamesTheKeyByItsHashOnly() throws IOException {
        Path file = keyFile("acme:" + TenantApiKeys.hash("acme-local-key"));

        assertThat(new TenantApiKeys(file).authenticate("acme-local-key"))
                .contains(new TenantApiKeys.Match("acme", TenantApiKeys.hash("acme-local-key")));
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "acme:" + TenantApiKeys.hash("k") + "\nacme-local-key\n");

        assertThatThrownBy(() -> new TenantApiKeys(file))
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("acme-local-key");
    }

    @Test
    void twoLinesForOneTenantAreTwoActiveKeys() throws IOException {
        Path file = keyFile("acme:" + TenantApiKeys.hash("acme-old"), "acme:" + TenantApiKeys.hash("acme-new"));

        TenantApiKeys keys = new TenantApiKeys(file);

        assertThat(keys.tenantOf("acme-old")).contains("acme");
        assertThat(keys.tenantOf("acme-new")).contains("acme");
        assertThat(keys.authenticate("acme-old").orElseThrow().keyHash())
                .isNotEqualTo(keys.authenticate("acme-new").orElseThrow().keyHash());
    }

    @Test
    void aRotationIsPickedUpWithoutARestartOnceTheReloadIntervalPassed() throws IOException {
        Path file = keyFile("acme:" + TenantApiKeys.hash("acme-old"));
        TenantApiKeys keys = new TenantApiKeys(file, RELOAD, clock);

        // Step 1: the new key is added next to the old one.
        rewrite(file, 1, "acme:" + TenantApiKeys.hash("acme-old"), "acme:" + TenantApiKeys.hash("acme-new"));
        assertThat(keys.tenantOf("acme-new")).as("not looked at before the interval").isEmpty();
        clock.advance(RELOAD);
        assertThat(keys.tenantOf("acme-new")).contains("acme");
        assertThat(keys.tenantOf("acme-old")).contains("acme");

        // Step 3: the old key is removed once the telephony platform uses the new one.
        rewrite(file, 2, "acme:" + TenantApiKeys.hash("acme-new"));
        clock.advance(RELOAD);
        assertThat(keys.tenantOf("acme-old")).isEmpty();
        assertThat(keys.tenantOf("acme-new")).contains("acme");
    }

    @Test
    void aBrokenFileKeepsTheLastGoodKeysUntilItIsFixed() throws IOException {
        Path file = keyFile("acme:" + TenantApiKeys.hash("acme-old"));
        TenantApiKeys keys = new TenantApiKeys(file, RELOAD, clock);

        rewrite(file, 1, "acme:" + TenantApiKeys.hash("acme-new"), "acme-new-pasted-raw");
        clock.advance(RELOAD);
        assertThat(keys.tenantOf("acme-old")).as("the last good keys").contains("acme");
        assertThat(keys.tenantOf("acme-new")).isEmpty();

        Files.delete(file);
        clock.advance(RELOAD);
        assertThat(keys.tenantOf("acme-old")).as("a vanished file keeps them too").contains("acme");

        Files.writeString(file, "acme:" + TenantApiKeys.hash("acme-new") + "\n");
        clock.advance(RELOAD);
        assertThat(keys.tenantOf("acme-new")).contains("acme");
        assertThat(keys.tenantOf("acme-old")).isEmpty();
    }

    @Test
    void aMissingFileStillStopsTheStart() {
        assertThatThrownBy(() -> new TenantApiKeys(dir.resolve("absent"), RELOAD, clock))
                .hasMessageContaining("cannot read the API key file");
    }

    private Path keyFile(String... lines) throws IOException {
        Path file = dir.resolve("keys");
        Files.write(file, java.util.List.of(lines));
        return file;
    }

    /** Rewrites the file with a distinct modification time, as the kubelet's next write would have. */
    private static void rewrite(Path file, int version, String... lines) throws IOException {
        Files.write(file, java.util.List.of(lines));
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2027-01-01T00:00:00Z").plusSeconds(version)));
    }
}
