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
}
