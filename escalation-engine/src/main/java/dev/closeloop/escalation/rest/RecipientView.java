package dev.closeloop.escalation.rest;

/** Someone told about an escalation. */
public record RecipientView(String managerId, String name, String email) {
}
