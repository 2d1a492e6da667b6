package dev.closeloop.escalation.rest;

import java.util.List;

/** A page of escalations, newest first, with how many match in all. */
public record EscalationPage(List<EscalationView> items, int page, int size, long total) {
}
