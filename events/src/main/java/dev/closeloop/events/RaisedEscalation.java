package dev.closeloop.events;

import java.util.List;

/** One escalation of a survey: its id in the escalation-engine, its type and why it was raised. */
public record RaisedEscalation(String escalationId, EscalationType type, List<String> reasons) {

    public RaisedEscalation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
