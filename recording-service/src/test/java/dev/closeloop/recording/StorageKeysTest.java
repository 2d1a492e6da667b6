package dev.closeloop.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorageKeysTest {

    @Test
    void aKeyIsTheTenantAndAHashOfTheIdNeverTheIdItself() {
        String key = StorageKeys.forRecording("acme", "rec-88812");
        assertThat(key).matches("acme/[0-9a-f]{2}/[0-9a-f]{64}").doesNotContain("rec-88812");
        assertThat(key.substring(5, 7)).isEqualTo(key.substring(8, 10));
    }

    @Test
    void tenantsUsingTheSameIdGetDifferentKeys() {
        assertThat(StorageKeys.forRecording("acme", "rec-1")).isNotEqualTo(StorageKeys.forRecording("globex", "rec-1"));
        assertThat(StorageKeys.forRecording("acme", "rec-1")).isEqualTo(StorageKeys.forRecording("acme", "rec-1"));
    }

    @Test
    void idsAndTenantsThatCouldFormPathsAreRefused() {
        assertThatThrownBy(() -> StorageKeys.forRecording("acme", "../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageKeys.forRecording("..", "rec-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageKeys.forRecording("a/b", "rec-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageKeys.forRecording("acme", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordingIdsFollowTheSurveyIdAlphabet() {
        assertThat(RecordingIds.isValid("rec-88812")).isTrue();
        assertThat(RecordingIds.isValid("a.b_c:d-E9")).isTrue();
        assertThat(RecordingIds.isValid("x".repeat(128))).isTrue();
        assertThat(RecordingIds.isValid("x".repeat(129))).isFalse();
        assertThat(RecordingIds.isValid("a/b")).isFalse();
        assertThat(RecordingIds.isValid("a b")).isFalse();
        assertThat(RecordingIds.isValid("a\\b")).isFalse();
        assertThat(RecordingIds.isValid(null)).isFalse();
    }

    @Test
    void onlyTheFourContractAudioTypesAreAccepted() {
        assertThat(AudioTypes.accepted("audio/wav")).contains("audio/wav");
        assertThat(AudioTypes.accepted("Audio/MPEG")).contains("audio/mpeg");
        assertThat(AudioTypes.accepted("audio/ogg; codecs=opus")).contains("audio/ogg");
        assertThat(AudioTypes.accepted("audio/mp4")).contains("audio/mp4");
        assertThat(AudioTypes.accepted("audio/x-wav")).isEmpty();
        assertThat(AudioTypes.accepted("application/octet-stream")).isEmpty();
        assertThat(AudioTypes.accepted("")).isEmpty();
        assertThat(AudioTypes.accepted(null)).isEmpty();
    }
}
