package dev.closeloop.events;

/** The four escalation types, the heart of the product. */
public enum EscalationType {
    /** The CSR flagged that the customer needs further, urgent attention. */
    NEGATIVE_FEEDBACK(Polarity.NEGATIVE, "Negative feedback"),
    /** At least one rated question scored 1 out of 5; one per survey, listing every such question. */
    POOR_SCORE(Polarity.NEGATIVE, "Poor score"),
    /** The CSR flagged a possible sales lead, contract or warranty renewal. */
    LEAD(Polarity.POSITIVE, "Lead"),
    /** Every rated question scored 5 (and there is at least one): recognition for staff. */
    ALL_FIVES(Polarity.POSITIVE, "All 5's");

    public enum Polarity {
        NEGATIVE, POSITIVE
    }

    private final Polarity polarity;
    private final String label;

    EscalationType(Polarity polarity, String label) {
        this.polarity = polarity;
        this.label = label;
    }

    public Polarity polarity() {
        return polarity;
    }

    /** How a person reads the type in an alert. */
    public String label() {
        return label;
    }
}
