package dev.closeloop.escalation.rules;

import java.util.List;
import java.util.Objects;

import dev.closeloop.events.EscalationType;

/**
 * One escalation a survey calls for, before it is stored: its type and the reasons a manager reads.
 */
public record Finding(EscalationType type, List<String> reasons) {

    public Finding {
        Objects.requireNonNull(type, "type");
        reasons = List.copyOf(reasons);
    }
}
