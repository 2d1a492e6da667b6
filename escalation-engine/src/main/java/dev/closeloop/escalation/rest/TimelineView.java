package dev.closeloop.escalation.rest;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.closeloop.escalation.TimelineEntry;
import dev.closeloop.escalation.TimelineKind;

/** One timeline entry; channel, recipient and level are there for notifications. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineView(Instant at, TimelineKind kind, String actor, String detail, String channel,
        String recipientEmail, Integer level) {

    static TimelineView of(TimelineEntry t) {
        return new TimelineView(t.at, t.kind, t.actor, t.detail, t.channel, t.recipientEmail, t.level);
    }
}
