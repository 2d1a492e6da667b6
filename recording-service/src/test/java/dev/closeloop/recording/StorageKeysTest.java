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
    void idsThatCouldNameAPathOrPassForAnotherIdAreInvalid() {
        for (String id : new String[] { "..", ".", "../x", "..\\x", ".hidden", "a/b", "a\\b", "a\u0000b", "\u0000",
                "x".repeat(4000), "rec\u20101", "r\u0435c-1", "\uFF52ec-1", "rec\u2024x", "rec\u00A0x", "rec\n",
                "%2e%2e", "..%2Fx", "" }) {
            assertThat(RecordingIds.isValid(id)).as(id.length() > 40 ? "a very long id" : id).isFalse();
            assertThatThrownBy(() -> StorageKeys.forRecording("acme", id)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RecordingIds.isValid("a..b")).as("dots inside a name are no path").isTrue();
        assertThat(RecordingIds.isValid("9.x")).isTrue();
    }

    @Test
    void theFirstBytesTellWhichAudioTypeAFileIs() {
        assertThat(AudioTypes.sniff(TestWav.tone(440, 10))).contains("audio/wav");
        assertThat(AudioTypes.sniff(TestAudio.mp3WithId3())).contains("audio/mpeg");
        assertThat(AudioTypes.sniff(TestAudio.mp3Frames())).contains("audio/mpeg");
        assertThat(AudioTypes.sniff(TestAudio.ogg())).contains("audio/ogg");
        assertThat(AudioTypes.sniff(TestAudio.m4a())).contains("audio/mp4");
        // RIFF of another kind (AVI), AAC's ADTS sync (layer 00), a reserved MPEG version, text, nothing
        assertThat(AudioTypes.sniff("RIFF\0\0\0\0AVI LIST".getBytes())).isEmpty();
        assertThat(AudioTypes.sniff(new byte[] { (byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80 })).isEmpty();
        assertThat(AudioTypes.sniff(new byte[] { (byte) 0xFF, (byte) 0xEB, (byte) 0x90, 0x64 })).isEmpty();
        assertThat(AudioTypes.sniff("<!DOCTYPE html>".getBytes())).isEmpty();
        assertThat(AudioTypes.sniff(new byte[0])).isEmpty();
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
