package dev.closeloop.escalation.rest;

import jakarta.validation.constraints.Size;

/** Body of acknowledge and customer-contacted: an optional note for the timeline. */
public record NoteRequest(@Size(max = 2000) String note) {
}
