package dev.closeloop.escalation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.closeloop.escalation.EscalationStatus;

/**
 * The problem+json of a refused change (409 illegal transition, 412 stale ETag): the standard fields
 * plus where the escalation stands now, so the client can refresh or explain without another read.
 *
 * @param etag    the current ETag, quoted as in the header (412 only)
 * @param version the current version (412 only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleProblem(String type, String title, int status, String detail, EscalationStatus currentStatus,
        String etag, Long version) {
}
