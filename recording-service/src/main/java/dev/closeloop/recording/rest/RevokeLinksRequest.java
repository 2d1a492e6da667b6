package dev.closeloop.recording.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who revokes: the escalation-engine admin's username, kept in {@code recording_link.revoked_by}. */
public record RevokeLinksRequest(@NotBlank @Size(max = 320) String revokedBy) {
}
