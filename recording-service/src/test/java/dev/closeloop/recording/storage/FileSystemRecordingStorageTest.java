package dev.closeloop.recording.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.closeloop.recording.Hashes;
import dev.closeloop.recording.StorageKeys;
import dev.closeloop.recording.storage.RecordingStorage.LocalFile;
import dev.closeloop.recording.storage.RecordingStorage.RecordingTooLargeException;
import dev.closeloop.recording.storage.RecordingStorage.StagedRecording;
import dev.closeloop.recording.storage.RecordingStorage.StoredContent;
import io.vertx.mutiny.core.Vertx;

class FileSystemRecordingStorageTest {

    private static Vertx vertx;

    @TempDir
    Path root;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @Test
    void stagingFingerprintsTheBytesAndCommitMakesThemReadableUnderTheKey() throws IOException {
        FileSystemRecordingStorage storage = new FileSystemRecordingStorage(root, vertx);
        byte[] audio = randomBytes(300_000);
        String key = StorageKeys.forRecording("acme", "rec-1");

        StagedRecording staged = storage.stage(new ByteArrayInputStream(audio), 1_000_000);
        assertThat(staged.size()).isEqualTo(audio.length);
        assertThat(staged.sha256()).isEqualTo(Hashes.sha256Hex(audio));
        assertThat(find(storage, key)).isEmpty();

        storage.commit(staged, key);
        storage.discard(staged);

        StoredContent stored = find(storage, key).orElseThrow();
        assertThat(stored.size()).isEqualTo(audio.length);
        assertThat(Files.readAllBytes(((LocalFile) stored).path())).isEqualTo(audio);
        assertThat(((LocalFile) stored).path()).startsWith(root.resolve("acme"));
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutLeavingAnythingBehind() {
        FileSystemRecordingStorage storage = new FileSystemRecordingStorage(root, vertx);
        // a stream with no known length: only counting can tell
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }
        };

        assertThatThrownBy(() -> storage.stage(endless, 100_000)).isInstanceOf(RecordingTooLargeException.class);
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void exactlyTheLimitIsAccepted() throws IOException {
        FileSystemRecordingStorage storage = new FileSystemRecordingStorage(root, vertx);
        StagedRecording staged = storage.stage(new ByteArrayInputStream(new byte[1000]), 1000);
        assertThat(staged.size()).isEqualTo(1000);
        storage.discard(staged);
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void keysThatCouldLeaveTheRootAreRefused() {
        FileSystemRecordingStorage storage = new FileSystemRecordingStorage(root, vertx);
        for (String key : new String[] { "../x", "acme/../../x", "/etc/passwd", ".staging/x", "acme//x", "", "a\\b" }) {
            assertThatThrownBy(() -> storage.resolve(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(storage.resolve("acme/ab/abc").startsWith(root)).isTrue();
    }

    @Test
    void aMissingKeyIsEmpty() {
        FileSystemRecordingStorage storage = new FileSystemRecordingStorage(root, vertx);
        assertThat(find(storage, StorageKeys.forRecording("acme", "never-uploaded"))).isEmpty();
    }

    private Optional<StoredContent> find(FileSystemRecordingStorage storage, String key) {
        return storage.find(key).await().atMost(Duration.ofSeconds(10));
    }

    private long stagedFiles() {
        try (Stream<Path> files = Files.list(root.resolve(".staging"))) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
