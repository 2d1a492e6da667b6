package dev.closeloop.escalation.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of notes: the note's text. */
public record AddNoteRequest(@NotBlank @Size(max = 2000) String text) {
}
