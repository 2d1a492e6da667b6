package dev.closeloop.recording.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.closeloop.recording.Hashes;
import dev.closeloop.recording.config.RecordingsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Recordings as files under {@code closeloop.recordings.directory} (a volume in Kubernetes). Uploads are
 * written to {@code .staging/} on the same filesystem, flushed to disk, then renamed into place atomically,
 * so a reader sees either no file or the complete one, and an answered upload survives a crash.
 */
@Startup
@ApplicationScoped
public class FileSystemRecordingStorage implements RecordingStorage {

    private static final String STAGING = ".staging";
    private static final int BUFFER = 64 * 1024;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private final Path root;
    private final Path staging;
    private final Vertx vertx;

    @Inject
    public FileSystemRecordingStorage(RecordingsConfig config, Vertx vertx) {
        this(config.directory(), vertx);
    }

    FileSystemRecordingStorage(Path directory, Vertx vertx) {
        this.root = directory.toAbsolutePath().normalize();
        this.staging = root.resolve(STAGING);
        this.vertx = vertx;
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the recordings directory " + root, e);
        }
        Log.infof("Recordings are stored under %s", root);
    }

    @Override
    public StagedRecording stage(InputStream body, long maxBytes) throws IOException {
        String stagingId = UUID.randomUUID().toString();
        Path file = staging.resolve(stagingId);
        MessageDigest digest = Hashes.sha256();
        long size = 0;
        boolean complete = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = body.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new RecordingTooLargeException(maxBytes);
                }
                digest.update(buffer, 0, read);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return new StagedRecording(stagingId, size, HexFormat.of().formatHex(digest.digest()));
    }

    @Override
    public void commit(StagedRecording staged, String key) throws IOException {
        Path source = stagedFile(staged);
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the staging area and " + target.getParent() + " are on different filesystems", e);
        }
        syncDirectory(target.getParent());
    }

    @Override
    public void discard(StagedRecording staged) {
        try {
            Files.deleteIfExists(stagedFile(staged));
        } catch (IOException e) {
            Log.warnf("Could not delete staged upload %s: %s", staged.stagingId(), e.toString());
        }
    }

    @Override
    public Uni<Optional<StoredContent>> find(String key) {
        Path file = resolve(key);
        String name = file.toString();
        return vertx.fileSystem().exists(name).flatMap(exists -> exists
                ? vertx.fileSystem().props(name)
                        .map(props -> Optional.<StoredContent>of(new LocalFile(file, props.size())))
                : Uni.createFrom().item(Optional.<StoredContent>empty()));
    }

    /** Resolves a key under the root, refusing anything that could step outside it. */
    Path resolve(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a storage key");
        }
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.startsWith(staging)) {
            throw new IllegalArgumentException("not a storage key");
        }
        return path;
    }

    private Path stagedFile(StagedRecording staged) {
        UUID id = UUID.fromString(staged.stagingId());
        return staging.resolve(id.toString());
    }

    /** Makes the rename itself durable: on Linux a directory's entries are flushed by fsync on the directory. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            Log.debugf("Directory sync not supported for %s: %s", directory, e.toString());
        }
    }
}
