package dev.closeloop.escalation.recordings;

/**
 * The logged-in manager a console page is rendered for, as the directory knows them: the recording link is
 * minted for them alone, and its uses reach the timeline under their email.
 *
 * @param managerId directory id, or null for an account that is no manager of the directory
 * @param timeZone  IANA zone the recording page shows the expiry in, or null for UTC
 */
public record RecordingViewer(String email, String name, String managerId, String timeZone) {
}
