package dev.closeloop.escalation.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.closeloop.escalation.Outcome;

/** Body of resolve: the outcome, which must fit the escalation's type, and an optional note. */
public record ResolveRequest(@NotNull Outcome outcome, @Size(max = 2000) String note) {
}
