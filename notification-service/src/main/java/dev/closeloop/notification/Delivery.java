package dev.closeloop.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One alert to deliver to one recipient on one channel: unique per (tenant, survey, recipient email,
 * channel, level), so an alert re-published or redelivered is never sent twice. It keeps the AlertReady
 * envelope it came from, which is all the email or push needs.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    public static final String EMAIL = "EMAIL";
    public static final String PUSH = "PUSH";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "survey_id", nullable = false)
    public String surveyId;

    /** Lower-cased: the key that makes the delivery unique, not necessarily the address as written. */
    @Column(name = "recipient_email", nullable = false)
    public String recipientEmail;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public int level;

    /** The escalations the alert is about, sorted and comma-separated: part of what is sent only once. */
    @Column(name = "escalation_ids", nullable = false)
    public String escalationIds;

    @Column(name = "manager_id")
    public String managerId;

    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    /** The AlertReady envelope, as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String alert;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "last_error")
    public String lastError;

    /** Sent together with other rows (a digest or a burst group), or null for an email of its own. */
    @Enumerated(EnumType.STRING)
    @Column(name = "batch")
    public DeliveryBatch batch;

    /** The surveyed agent ({@code survey.agent.id}), or null when the survey names none. */
    @Column(name = "agent_id")
    public String agentId;

    /** On the head of a burst window: until when further alerts about the agent join a GROUP batch. */
    @Column(name = "group_window_ends_at")
    public Instant groupWindowEndsAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
