package dev.closeloop.recording.rest;

import java.time.Instant;

/**
 * A console link: {@code url} opens the recording page, {@code audioUrl} is what the console's own
 * {@code <audio>} element plays. Both carry the token: keep them out of logs.
 */
public record ConsoleLinkView(String url, String audioUrl, Instant expiresAt) {
}
