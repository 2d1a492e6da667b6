package dev.closeloop.escalation;

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

import dev.closeloop.escalation.directory.Route;
import dev.closeloop.escalation.repository.JsonColumns;
import dev.closeloop.events.EscalationType;

/**
 * One escalation of a survey: at most one per (tenant, survey, type). It keeps what a manager needs
 * to read it without asking another service: the reasons, who was told, and the survey itself.
 */
@Entity
@Table(name = "escalation")
public class Escalation {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "survey_id", nullable = false)
    public String surveyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStatus status;

    @Convert(converter = JsonColumns.StringList.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<String> reasons;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Convert(converter = JsonColumns.ContactList.class)
    @Column(nullable = false, columnDefinition = "text")
    public List<NotifiedContact> recipients;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "agent_name")
    public String agentName;

    public String team;

    public String site;

    @Column(name = "customer_name")
    public String customerName;

    /** The survey as received, JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String survey;

    /** The surveys.submitted event that raised it. */
    @Column(name = "source_event_id", nullable = false)
    public UUID sourceEventId;

    /** The rule that matched and each level's managers; null for escalations raised before levels existed. */
    @Convert(converter = JsonColumns.RouteColumn.class)
    @Column(columnDefinition = "text")
    public Route route;

    /** The level alerted last (1 = the first alert). */
    @Column(nullable = false)
    public int level = 1;

    /** When the current level's acknowledge-within time runs out; null when nothing follows. */
    @Column(name = "overdue_at")
    public Instant overdueAt;

    /**
     * Bumped by every change of its lifecycle; the API's ETag. Written only by conditional updates
     * ({@code ... WHERE version = ?}), never through the entity.
     */
    @Column(nullable = false)
    public long version;

    /** How it was resolved; null until then. */
    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** Username of whoever took it up. */
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "customer_contacted_at")
    public Instant customerContactedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    /** The contact it was reassigned to, as the directory named them then; null while nobody was. */
    @Column(name = "assignee_id")
    public String assigneeId;

    @Column(name = "assignee_name")
    public String assigneeName;

    @Column(name = "assignee_email")
    public String assigneeEmail;
}
