package dev.closeloop.recording.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.Recording;
import dev.closeloop.recording.StorageKeys;
import dev.closeloop.recording.repository.RecordingRepository;
import dev.closeloop.recording.storage.RecordingStorage;
import dev.closeloop.recording.storage.RecordingStorage.StagedRecording;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Recordings as the database knows them: registering an upload idempotently, looking one up. */
@ApplicationScoped
public class RecordingService {

    /** What an upload did. */
    public record Registration(Outcome outcome, Recording recording) {

        public enum Outcome {
            /** The first upload of this id: stored. */
            CREATED,
            /** The same bytes and type again: nothing changed. */
            UNCHANGED,
            /** Other bytes or type under an id already stored: refused, the stored recording stays. */
            CONFLICT
        }
    }

    private final RecordingRepository recordings;
    private final RecordingStorage storage;

    public RecordingService(RecordingRepository recordings, RecordingStorage storage) {
        this.recordings = recordings;
        this.storage = storage;
    }

    /**
     * Records a staged upload under the tenant's id. The row is inserted first, which holds the unique key
     * against a concurrent upload of the same id; then the bytes are moved into place; then the transaction
     * commits. So a committed row always has its file, and a rolled-back one leaves at most an unreferenced
     * file that the next first upload replaces.
     */
    @WithTransaction
    public Uni<Registration> register(String tenant, String recordingId, String contentType, StagedRecording staged) {
        Recording candidate = new Recording();
        candidate.id = UUID.randomUUID();
        candidate.tenant = tenant;
        candidate.recordingId = recordingId;
        candidate.storageKey = StorageKeys.forRecording(tenant, recordingId);
        candidate.contentType = contentType;
        candidate.sizeBytes = staged.size();
        candidate.sha256 = staged.sha256();
        candidate.uploadedAt = Instant.now();
        return recordings.insertIfAbsent(candidate).flatMap(inserted -> {
            if (inserted) {
                return VertxContextSupport.executeBlocking(() -> {
                    storage.commit(staged, candidate.storageKey);
                    return candidate;
                }).map(stored -> new Registration(Registration.Outcome.CREATED, stored));
            }
            return recordings.findByTenantAndRecordingId(tenant, recordingId).map(existing -> {
                if (existing == null) {
                    throw new IllegalStateException("recording row vanished during upload");
                }
                boolean identical = existing.sha256.equals(staged.sha256()) && existing.contentType.equals(contentType);
                return new Registration(identical ? Registration.Outcome.UNCHANGED : Registration.Outcome.CONFLICT,
                        existing);
            });
        });
    }

    /** The tenant's recording, or null. */
    @WithSession
    public Uni<Recording> find(String tenant, String recordingId) {
        return recordings.findByTenantAndRecordingId(tenant, recordingId);
    }
}
