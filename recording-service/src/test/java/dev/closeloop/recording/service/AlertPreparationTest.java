package dev.closeloop.recording.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.EscalationType;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;

class AlertPreparationTest {

    private static final RaisedEscalation POOR = new RaisedEscalation("e-poor", EscalationType.POOR_SCORE, List.of());
    private static final RaisedEscalation LEAD = new RaisedEscalation("e-lead", EscalationType.LEAD, List.of());

    @Test
    void aRecipientHearsOnlyOfTheEscalationsNamedForIt() {
        Recipient sales = new Recipient("m-2", "Priya Shah", "priya.shah@acme.example", "Europe/London",
                List.of("EMAIL"), List.of("e-lead"));
        assertThat(AlertPreparation.escalationsFor(sales, List.of(POOR, LEAD))).containsExactly(LEAD);
    }

    @Test
    void aRecipientWithoutEscalationIdsHearsOfAll() {
        Recipient manager = new Recipient("m-1", "Mia Jones", "mia.jones@acme.example", "Europe/London",
                List.of("EMAIL"), null);
        assertThat(AlertPreparation.escalationsFor(manager, List.of(POOR, LEAD))).containsExactly(POOR, LEAD);
    }

    @Test
    void idsMatchingNothingLeaveNothing() {
        Recipient stranger = new Recipient("m-3", "X", "x@acme.example", null, null, List.of("e-other"));
        assertThat(AlertPreparation.escalationsFor(stranger, List.of(POOR, LEAD))).isEmpty();
    }
}
