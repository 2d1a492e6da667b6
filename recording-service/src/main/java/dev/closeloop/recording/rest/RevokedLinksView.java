package dev.closeloop.recording.rest;

/** How many links a revoke withdrew: 0 when the escalation had none, or all were revoked already. */
public record RevokedLinksView(int revoked) {
}
