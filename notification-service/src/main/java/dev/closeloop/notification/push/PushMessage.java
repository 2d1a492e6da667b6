package dev.closeloop.notification.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Survey;
import dev.closeloop.notification.email.AlertView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What one alert pushes to a manager's browsers: a small JSON payload for the console's service worker, and the
 * headers that tell the push service how to treat it.
 *
 * <p>The payload is {@code {"title", "body", "surveyId", "escalationIds", "type", "acknowledgeUrl",
 * "recordingUrl"}}: the escalations most urgent first ({@code type} is the first one's, e.g.
 * {@code NEGATIVE_FEEDBACK}); {@code acknowledgeUrl} is the recipient's one-tap link for that first escalation and
 * {@code recordingUrl} the recipient's recording link, each null when there is none. The service worker opens
 * {@code /console/escalations/{escalationIds[0]}} on its own origin and POSTs {@code acknowledgeUrl} for its
 * "acknowledge" action.
 *
 * @param payload the JSON, at most {@link #MAX_PAYLOAD} bytes
 * @param urgency the RFC 8030 {@code Urgency}: {@code high} for negative feedback and poor scores, {@code normal}
 *                for leads, {@code low} for all 5's (the most urgent type of the alert decides)
 * @param topic   the RFC 8030 {@code Topic}, one per survey: a newer push about the survey (the next level)
 *                replaces one the browser has not fetched yet
 */
public record PushMessage(byte[] payload, String urgency, String topic) {

    /**
     * The most a payload may hold before encryption: 4096 bytes is what push services accept encrypted
     * (RFC 8030), and 3072 leaves room for the aes128gcm header, the padding delimiter and the tag whatever
     * the push service counts.
     */
    public static final int MAX_PAYLOAD = 3072;

    private static final int MAX_TITLE = 120;
    private static final int TOPIC_LENGTH = 32;

    /** The message for the alert's recipient. Ids and links are never shortened; the body text is, to fit. */
    public static PushMessage of(String tenant, AlertReady alert) {
        List<RaisedEscalation> escalations = new ArrayList<>(alert.escalations());
        // most urgent first: the enum is declared in that order
        escalations.sort(Comparator.comparing(RaisedEscalation::type));
        RaisedEscalation first = escalations.get(0);
        JsonArray ids = new JsonArray();
        escalations.forEach(e -> ids.add(e.escalationId()));
        JsonObject json = new JsonObject()
                .put("title", shorten(AlertView.of(alert).headline().replaceAll("\\s+", " ").strip(), MAX_TITLE))
                .put("body", "")
                .put("surveyId", alert.survey().surveyId())
                .put("escalationIds", ids)
                .put("type", first.type().name())
                .put("acknowledgeUrl", alert.recipient().acknowledgeUrls().get(first.escalationId()))
                .put("recordingUrl", alert.recordingUrl());
        return new PushMessage(fit(json, body(alert, escalations)), urgency(first.type()),
                topic(tenant, alert.survey().surveyId()));
    }

    /** The JSON with as much of the body as fits in {@link #MAX_PAYLOAD} bytes. */
    static byte[] fit(JsonObject json, String body) {
        byte[] whole = encode(json, body);
        if (whole.length <= MAX_PAYLOAD) {
            return whole;
        }
        if (encode(json, "").length > MAX_PAYLOAD) {
            // ids, links and the (bounded) title alone do not fit: cannot happen with the engine's ids and links
            throw new IllegalArgumentException("the push payload is over " + MAX_PAYLOAD
                    + " bytes even without its body text");
        }
        int[] codePoints = body.codePoints().toArray();
        int fits = 0;
        int tooMany = codePoints.length;
        while (tooMany - fits > 1) {
            int tried = (fits + tooMany) >>> 1;
            if (encode(json, shortened(codePoints, tried)).length <= MAX_PAYLOAD) {
                fits = tried;
            } else {
                tooMany = tried;
            }
        }
        return encode(json, shortened(codePoints, fits));
    }

    private static String shortened(int[] codePoints, int keep) {
        return new String(codePoints, 0, keep).stripTrailing() + "…";
    }

    private static byte[] encode(JsonObject json, String body) {
        return json.copy().put("body", body).encode().getBytes(StandardCharsets.UTF_8);
    }

    /** What a lock screen shows under the title: why, who took the call, what the customer said. */
    private static String body(AlertReady alert, List<RaisedEscalation> escalations) {
        List<String> lines = new ArrayList<>();
        escalations.forEach(e -> e.reasons().forEach(reason -> lines.add(reason)));
        Survey.Agent agent = alert.survey().agent();
        if (agent != null && agent.name() != null && !agent.name().isBlank()) {
            lines.add("Agent: " + agent.name().strip()
                    + (agent.team() == null || agent.team().isBlank() ? "" : " (" + agent.team().strip() + ")"));
        }
        String comment = alert.survey().comment();
        if (comment != null && !comment.isBlank()) {
            lines.add("“" + comment.strip() + "”");
        }
        if (alert.level() > 1) {
            lines.add("Level " + alert.level() + ": nobody acknowledged it in time.");
        }
        return String.join("\n", lines);
    }

    static String urgency(EscalationType mostUrgent) {
        switch (mostUrgent) {
            case NEGATIVE_FEEDBACK:
            case POOR_SCORE:
                return "high";
            case LEAD:
                return "normal";
            default:
                return "low";
        }
    }

    /** 32 base64url characters (the most RFC 8030 allows) from the tenant and survey: one topic per survey. */
    static String topic(String tenant, String surveyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((tenant + "\n" + surveyId).getBytes(StandardCharsets.UTF_8));
            return Base64Url.encode(digest).substring(0, TOPIC_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String shorten(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : new String(text.codePoints().limit(max - 1).toArray(), 0, max - 1) + "…";
    }
}
