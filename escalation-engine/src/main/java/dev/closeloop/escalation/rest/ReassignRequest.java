package dev.closeloop.escalation.rest;

import jakarta.validation.constraints.NotBlank;

/** Body of reassign: the directory id of a manager, sales contact or fallback contact of the tenant. */
public record ReassignRequest(@NotBlank String managerId) {
}
