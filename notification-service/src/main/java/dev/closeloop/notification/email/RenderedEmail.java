package dev.closeloop.notification.email;

/** An alert email ready to send: one subject, an HTML body and its plain-text alternative. */
public record RenderedEmail(String subject, String html, String text) {
}
