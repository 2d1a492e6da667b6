package dev.closeloop.recording.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.Recording;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RecordingRepository implements PanacheRepositoryBase<Recording, UUID> {

    public Uni<Recording> findByTenantAndRecordingId(String tenant, String recordingId) {
        return find("tenant = ?1 and recordingId = ?2", tenant, recordingId).firstResult();
    }

    /**
     * Inserts the recording unless the tenant already has one with its id. Two concurrent first uploads of
     * the same id serialise on the unique key: the second waits for the first to commit, then inserts nothing.
     *
     * @return true when this call inserted the row
     */
    public Uni<Boolean> insertIfAbsent(Recording recording) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO recording (id, tenant, recording_id, storage_key, content_type, size_bytes, sha256, uploaded_at) "
                        + "VALUES (:id, :tenant, :recordingId, :storageKey, :contentType, :size, :sha256, :uploadedAt) "
                        + "ON CONFLICT (tenant, recording_id) DO NOTHING")
                .setParameter("id", recording.id)
                .setParameter("tenant", recording.tenant)
                .setParameter("recordingId", recording.recordingId)
                .setParameter("storageKey", recording.storageKey)
                .setParameter("contentType", recording.contentType)
                .setParameter("size", recording.sizeBytes)
                .setParameter("sha256", recording.sha256)
                .setParameter("uploadedAt", recording.uploadedAt)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
