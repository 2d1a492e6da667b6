package dev.closeloop.intake.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A survey as received, in its canonical form; unique per (tenant, surveyId). */
@Entity
@Table(name = "survey")
public class StoredSurvey {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "survey_id", nullable = false)
    public String surveyId;

    /** SHA-256 of {@link #content}: a replay with the same hash is the same survey. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** The canonical JSON of the validated survey. */
    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "completed_at", nullable = false)
    public Instant completedAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The SurveySubmitted event announcing it, for following the survey into the broker. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
}
