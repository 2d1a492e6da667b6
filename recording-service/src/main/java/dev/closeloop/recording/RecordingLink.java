package dev.closeloop.recording;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.closeloop.recording.mapping.StringListConverter;

/**
 * A time-limited link to a tenant's recording, minted for one recipient of one alert, or for one manager viewing
 * the escalation in the escalation-engine's console ({@link Origin}). It names the recording
 * by (tenant, recordingId), not by its bytes, so a link minted before the recording was uploaded works once
 * it is. Only the token's hash is kept.
 */
@Entity
@Table(name = "recording_link")
public class RecordingLink {

    /** Who the link was minted for. */
    public enum Origin {
        /** A recipient of an alert ({@code escalations.raised}); carries the alert's level and event. */
        ALERT,
        /** A manager viewing the escalation in the console, at page render; level 0, no event, short-lived. */
        CONSOLE
    }

    /** The level console links carry: no alert level starts below 1. */
    public static final int CONSOLE_LEVEL = 0;

    @Id
    public UUID id;

    /** Hex SHA-256 of the token; the token itself is never stored. */
    @Column(name = "token_hash", nullable = false, unique = true)
    public String tokenHash;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "recording_id", nullable = false)
    public String recordingId;

    @Column(name = "survey_id", nullable = false)
    public String surveyId;

    /** The escalations of the survey this recipient was alerted about. */
    @Convert(converter = StringListConverter.class)
    @Column(name = "escalation_ids", nullable = false)
    public List<String> escalationIds;

    @Column(name = "manager_id", nullable = false)
    public String managerId;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(name = "recipient_email")
    public String recipientEmail;

    /** IANA zone, so the page shows the expiry in the recipient's local time. */
    @Column(name = "recipient_time_zone")
    public String recipientTimeZone;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "agent_name")
    public String agentName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin = Origin.ALERT;

    /** The alert's escalation level; {@link #CONSOLE_LEVEL} for console links. */
    @Column(nullable = false)
    public int level;

    /** The {@code escalations.raised} event the link was minted for; null for console links. */
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Set when the link was withdrawn; a revoked link answers 410, saying so, and serves nothing. */
    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Who revoked it (the escalation-engine admin's username); set with {@link #revokedAt}. */
    @Column(name = "revoked_by")
    public String revokedBy;

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
