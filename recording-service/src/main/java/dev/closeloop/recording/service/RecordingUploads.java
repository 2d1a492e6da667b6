package dev.closeloop.recording.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.config.RecordingsConfig;
import dev.closeloop.recording.service.RecordingService.Registration;
import dev.closeloop.recording.storage.RecordingStorage;
import dev.closeloop.recording.storage.RecordingStorage.StagedRecording;
import io.quarkus.logging.Log;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * An upload from start to end, on a worker thread: the body streams to staging while it is fingerprinted
 * (never held in memory), then the database decides on a Vert.x context, where Hibernate Reactive must run,
 * while this thread waits.
 */
@ApplicationScoped
public class RecordingUploads {

    private final RecordingStorage storage;
    private final RecordingService service;
    private final RecordingsConfig config;

    public RecordingUploads(RecordingStorage storage, RecordingService service, RecordingsConfig config) {
        this.storage = storage;
        this.service = service;
        this.config = config;
    }

    public long maxBytes() {
        return config.maxSize().asLongValue();
    }

    /**
     * Blocking: call from a worker thread.
     *
     * @throws RecordingStorage.RecordingTooLargeException when the body exceeds {@link #maxBytes()}
     */
    public Registration upload(String tenant, String recordingId, String contentType, InputStream body)
            throws IOException {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new IllegalStateException("uploads block: call from a worker thread");
        }
        StagedRecording staged = storage.stage(body, maxBytes());
        try {
            Registration registration = onVertxContext(() -> service.register(tenant, recordingId, contentType, staged));
            Log.infof("Recording upload tenant=%s recordingId=%s outcome=%s bytes=%d sha256=%s", tenant, recordingId,
                    registration.outcome(), staged.size(), staged.sha256());
            return registration;
        } finally {
            storage.discard(staged);
        }
    }

    private static <T> T onVertxContext(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
