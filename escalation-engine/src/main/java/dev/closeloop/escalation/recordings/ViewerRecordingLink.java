package dev.closeloop.escalation.recordings;

import java.time.Instant;

/**
 * A recording link minted for one viewer: {@code pageUrl} opens the recording-service's page, {@code audioUrl}
 * is what the console's {@code <audio>} plays. Both carry the link's token: never log them.
 */
public record ViewerRecordingLink(String pageUrl, String audioUrl, Instant expiresAt) {
}
