package dev.closeloop.platform.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantApiKeysTest {

    @TempDir
    Path dir;

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
    void aMalformedLineIsReportedWithItsNumber() throws IOException {
        Path file = dir.resolve("keys");
        Files.writeString(file, "acme:" + TenantApiKeys.hash("k") + "\nacme-local-key\n");

        assertThatThrownBy(() -> new TenantApiKeys(file))
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("acme-local-key");
    }
}
