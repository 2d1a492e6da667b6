package dev.closeloop.recording.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Where recording bytes live: the port behind which the filesystem adapter sits today and an S3-compatible
 * object store may sit tomorrow. Keys come from {@link dev.closeloop.recording.StorageKeys} and are opaque
 * here.
 *
 * <p>An upload is two-phase: {@link #stage} copies the body aside (so nothing is visible while it arrives),
 * then {@link #commit} makes it the content of a key, or {@link #discard} forgets it. The blocking methods
 * must run on a worker thread, never on the event loop.
 */
public interface RecordingStorage {

    /**
     * Blocking. Copies the body to a staging area, computing its size and SHA-256 as it goes; nothing is
     * held in memory beyond a small buffer.
     *
     * @throws RecordingTooLargeException once more than {@code maxBytes} were read; nothing stays staged
     */
    StagedRecording stage(InputStream body, long maxBytes) throws IOException;

    /** Blocking. Makes the staged bytes the durable content of the key, replacing whatever was there. */
    void commit(StagedRecording staged, String key) throws IOException;

    /** Blocking. Forgets staged bytes; does nothing when they were committed or already discarded. */
    void discard(StagedRecording staged);

    /** Non-blocking. How to read what is stored under the key, or empty when nothing is. */
    Uni<Optional<StoredContent>> find(String key);

    /** Bytes that arrived and were fingerprinted, not yet visible under any key. */
    record StagedRecording(String stagingId, long size, String sha256) {
    }

    /**
     * How stored bytes can be sent. Only local files so far; an object-store adapter adds its own kind
     * (a stream or a pre-signed redirect) and the REST layer learns to send it.
     */
    sealed interface StoredContent permits LocalFile {
        long size();
    }

    /** A file Vert.x can send without copying it through the JVM ({@code sendfile}). */
    record LocalFile(Path path, long size) implements StoredContent {
    }

    /** The body exceeded the limit; the caller answers 413. */
    class RecordingTooLargeException extends IOException {
        private final long limit;

        public RecordingTooLargeException(long limit) {
            super("recording larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
