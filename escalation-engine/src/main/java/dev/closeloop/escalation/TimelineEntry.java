package dev.closeloop.escalation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something that happened to an escalation; its timeline is these entries in order. */
@Entity
@Table(name = "timeline_entry")
public class TimelineEntry {

    /** Who records RAISED entries. */
    public static final String ENGINE = "escalation-engine";
    /** Who reports NOTIFIED and NOTIFICATION_FAILED. */
    public static final String NOTIFIER = "notification-service";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "escalation_id", nullable = false)
    public UUID escalationId;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TimelineKind kind;

    /** The service or person that did it. */
    @Column(nullable = false)
    public String actor;

    /** One line a person reads. */
    public String detail;

    public String channel;

    @Column(name = "recipient_email")
    public String recipientEmail;

    public Integer level;

    /** The event this entry came from, when it came from one. */
    @Column(name = "source_event_id")
    public UUID sourceEventId;
}
