package dev.closeloop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VapidKeyPairTest {

    @TempDir
    Path home;

    @Test
    void aNewPairIsAnUncompressedPointAndAScalarInBase64Url() {
        VapidKeyPair pair = VapidKeyPair.generate();

        byte[] point = Base64.getUrlDecoder().decode(pair.publicKey());
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 0x04);
        assertThat(Base64.getUrlDecoder().decode(pair.privateKey())).hasSize(32);
        assertThat(pair.publicKey() + pair.privateKey()).doesNotContain("=", "+", "/");
        assertThat(VapidKeyPair.generate()).isNotEqualTo(pair);
    }

    @Test
    void theStackMakesItsPairOnceAndKeepsItPrivate() throws Exception {
        Path file = home.resolve("state/vapid-keys.env");

        VapidKeyPair first = VapidKeyPair.ofStack(file);
        VapidKeyPair again = VapidKeyPair.ofStack(file);

        assertThat(again).isEqualTo(first);
        assertThat(Files.readString(file)).contains("CLOSELOOP_PUSH_VAPID_PUBLIC_KEY=" + first.publicKey(),
                "CLOSELOOP_PUSH_VAPID_PRIVATE_KEY=" + first.privateKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theNotificationServiceGetsBothKeysAndTheEngineThePublicOneAlone() {
        StackConfig local = StackConfig.localDefaults(Path.of("/repo"));
        VapidKeyPair pair = VapidKeyPair.generate();

        assertThat(local.environment(Service.NOTIFICATION_SERVICE, pair))
                .containsEntry("CLOSELOOP_PUSH_VAPID_PUBLIC_KEY", pair.publicKey())
                .containsEntry("CLOSELOOP_PUSH_VAPID_PRIVATE_KEY", pair.privateKey());
        assertThat(local.environment(Service.ESCALATION_ENGINE, pair))
                .containsEntry("CLOSELOOP_PUSH_VAPID_PUBLIC_KEY", pair.publicKey())
                .doesNotContainKey("CLOSELOOP_PUSH_VAPID_PRIVATE_KEY");
        assertThat(local.environment(Service.SURVEY_INTAKE, pair)).doesNotContainKeys(
                "CLOSELOOP_PUSH_VAPID_PUBLIC_KEY", "CLOSELOOP_PUSH_VAPID_PRIVATE_KEY");
        assertThat(local.vapidKeysFile()).isEqualTo(Path.of("/repo/.closeloop/vapid-keys.env"));
    }
}
