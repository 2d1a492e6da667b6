package dev.closeloop.recording.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.closeloop.recording.RecordingLink;

/**
 * What the link page shows. {@code state} is one of {@code ready}, {@code pending}, {@code expired},
 * {@code revoked}, {@code missing}. Every text is escaped by the template.
 */
public record LinkPage(String state, String surveyId, String agent, String expiresAt, String expiresAtIso,
        String audioPath) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    static LinkPage ready(RecordingLink link, String token) {
        return of("ready", link, "/r/" + token + "/audio");
    }

    static LinkPage pending(RecordingLink link) {
        return of("pending", link, null);
    }

    static LinkPage expired(RecordingLink link) {
        return of("expired", link, null);
    }

    /** Nothing of the recording is shown: the admin who revoked the link meant it to tell nothing more. */
    static LinkPage revoked() {
        return new LinkPage("revoked", null, null, null, null, null);
    }

    static LinkPage missing() {
        return new LinkPage("missing", null, null, null, null, null);
    }

    public boolean isReady() {
        return "ready".equals(state);
    }

    public boolean isPending() {
        return "pending".equals(state);
    }

    public boolean isExpired() {
        return "expired".equals(state);
    }

    public boolean isRevoked() {
        return "revoked".equals(state);
    }

    private static LinkPage of(String state, RecordingLink link, String audioPath) {
        return new LinkPage(state, link.surveyId, agent(link), local(link.expiresAt, link.recipientTimeZone),
                link.expiresAt.toString(), audioPath);
    }

    private static String agent(RecordingLink link) {
        if (link.agentName != null && link.agentId != null) {
            return link.agentName + " (" + link.agentId + ")";
        }
        return link.agentName != null ? link.agentName : link.agentId;
    }

    /** The expiry in the recipient's own time zone, which the directory gave; UTC when it gave none. */
    private static String local(Instant at, String timeZone) {
        ZoneId zone = ZoneOffset.UTC;
        if (timeZone != null) {
            try {
                zone = ZoneId.of(timeZone);
            } catch (RuntimeException e) {
                zone = ZoneOffset.UTC;
            }
        }
        return LOCAL.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
