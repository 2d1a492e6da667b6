package dev.closeloop.recording;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One use of a recording link, granted or refused: who (the recipient the link was minted for), when,
 * what (page or audio, which bytes), from where, and the answer. Never the token. A token that names no link
 * is audited too ({@link Outcome#UNKNOWN_LINK}), without link, tenant, recording or recipient.
 */
@Entity
@Table(name = "access_audit")
public class AccessAudit {

    public enum What {
        PAGE, AUDIO
    }

    public enum Outcome {
        /** The page with the player, or the requested bytes, were served. */
        GRANTED,
        /** The link is valid but its recording has not been uploaded yet. */
        NOT_YET_AVAILABLE,
        /** The requested byte range lies outside the recording. */
        RANGE_NOT_SATISFIABLE,
        EXPIRED,
        REVOKED,
        /** The token names no link: mistyped, tampered with, guessed, or not a token at all. */
        UNKNOWN_LINK
    }

    @Id
    public UUID id;

    /** Null for {@link Outcome#UNKNOWN_LINK}, as are tenant, recording and recipient. */
    @Column(name = "link_id")
    public UUID linkId;

    @Column
    public String tenant;

    @Column(name = "recording_id")
    public String recordingId;

    @Column(name = "manager_id")
    public String managerId;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public What what;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(name = "http_status", nullable = false)
    public int httpStatus;

    /** The {@code Range} header as received (truncated), or null. */
    @Column(name = "requested_range")
    public String requestedRange;

    @Column(name = "remote_address")
    public String remoteAddress;

    @Column(name = "user_agent")
    public String userAgent;
}
