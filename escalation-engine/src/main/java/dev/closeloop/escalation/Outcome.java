package dev.closeloop.escalation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.closeloop.events.EscalationType;

/** How an escalation was resolved. Each outcome fits some escalation types only. */
public enum Outcome {
    /** The unhappy customer was contacted and is satisfied again. */
    RECOVERED(true, EscalationType.NEGATIVE_FEEDBACK, EscalationType.POOR_SCORE),
    /** The unhappy customer was contacted and stays unhappy. */
    NOT_RECOVERED(true, EscalationType.NEGATIVE_FEEDBACK, EscalationType.POOR_SCORE),
    /** The customer could not be reached. */
    NO_CONTACT_POSSIBLE(false, EscalationType.NEGATIVE_FEEDBACK, EscalationType.POOR_SCORE),
    /** On reading it, nothing needed doing. */
    NO_ACTION_NEEDED(false, EscalationType.NEGATIVE_FEEDBACK, EscalationType.POOR_SCORE),
    /** The agent's all-fives survey was recognised. */
    RECOGNISED(false, EscalationType.ALL_FIVES),
    /** The lead became business. */
    LEAD_WON(false, EscalationType.LEAD),
    /** The lead came to nothing. */
    LEAD_LOST(false, EscalationType.LEAD),
    /** A positive escalation closed without more to say. */
    CLOSED(false, EscalationType.ALL_FIVES, EscalationType.LEAD);

    private final boolean requiresContact;
    private final Set<EscalationType> types;

    Outcome(boolean requiresContact, EscalationType first, EscalationType... more) {
        this.requiresContact = requiresContact;
        this.types = EnumSet.of(first, more);
    }

    /** Whether it can only be said once the customer has been contacted. */
    public boolean requiresContact() {
        return requiresContact;
    }

    public boolean fits(EscalationType type) {
        return types.contains(type);
    }

    /** The outcomes an escalation of this type may be resolved with, in declaration order. */
    public static List<Outcome> of(EscalationType type) {
        return Arrays.stream(values()).filter(outcome -> outcome.fits(type)).toList();
    }
}
