package dev.closeloop.escalation.rest;

/** How many recording links of the escalation the revoke withdrew; 0 when none were left to withdraw. */
public record RevokedRecordingLinksView(int revoked) {
}
