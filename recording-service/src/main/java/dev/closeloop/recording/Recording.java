package dev.closeloop.recording;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A call recording a tenant uploaded. Recording ids are the tenant's own: two tenants may use the same id
 * for different calls, so a recording is known by (tenant, recordingId). Its bytes never change once stored:
 * an upload with other bytes under the same id is refused.
 */
@Entity
@Table(name = "recording")
public class Recording {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "recording_id", nullable = false)
    public String recordingId;

    /** Where the storage keeps the bytes; derived from tenant and a hash of the id, see {@link StorageKeys}. */
    @Column(name = "storage_key", nullable = false)
    public String storageKey;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** Hex SHA-256 of the bytes: decides whether a repeated upload is the same recording. */
    @Column(nullable = false)
    public String sha256;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;
}
