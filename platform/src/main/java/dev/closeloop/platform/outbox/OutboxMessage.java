package dev.closeloop.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An event still to be published. Written in the same transaction as the change it announces, so
 * the change and the promise to announce it commit together; the relay deletes it once the broker
 * has acknowledged it. Each service's migrations create this table in its own database.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {

    /** The envelope's event id: consumers deduplicate on it if the relay publishes twice. */
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    /** The AMQP address the event goes to. */
    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    /** The encoded envelope, exactly the text that goes on the wire. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A relay that claimed the row owns it until then; a crashed relay's claim lapses. */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
