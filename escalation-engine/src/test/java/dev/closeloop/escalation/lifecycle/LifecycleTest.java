package dev.closeloop.escalation.lifecycle;

import static dev.closeloop.escalation.EscalationStatus.ACKNOWLEDGED;
import static dev.closeloop.escalation.EscalationStatus.CUSTOMER_CONTACTED;
import static dev.closeloop.escalation.EscalationStatus.OPEN;
import static dev.closeloop.escalation.EscalationStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.closeloop.escalation.EscalationStatus;
import dev.closeloop.escalation.Outcome;
import dev.closeloop.events.EscalationType;

/** The state machine, move by move and status by status; and every outcome against every type. */
class LifecycleTest {

    @Test
    void anOpenEscalationIsAcknowledged() {
        Transition t = Lifecycle.acknowledge(OPEN);
        assertThat(t.from()).isEqualTo(OPEN);
        assertThat(t.to()).isEqualTo(ACKNOWLEDGED);
        assertThat(t.outcome()).isNull();
        assertThat(t.acknowledges()).isTrue();
    }

    @Test
    void acknowledgingTwiceIsIllegal() {
        assertThatThrownBy(() -> Lifecycle.acknowledge(ACKNOWLEDGED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("escalation is ACKNOWLEDGED already; it cannot be acknowledged twice")
                .extracting(e -> ((IllegalTransitionException) e).currentStatus()).isEqualTo(ACKNOWLEDGED);
    }

    @ParameterizedTest
    @EnumSource(value = EscalationStatus.class, names = { "CUSTOMER_CONTACTED", "RESOLVED" })
    void acknowledgingCannotGoBackwards(EscalationStatus current) {
        assertThatThrownBy(() -> Lifecycle.acknowledge(current))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("escalation is " + current + "; it cannot be acknowledged")
                .extracting(e -> ((IllegalTransitionException) e).currentStatus()).isEqualTo(current);
    }

    @Test
    void contactingTheCustomerOfAnOpenEscalationAcknowledgesItToo() {
        Transition t = Lifecycle.contactCustomer(OPEN);
        assertThat(t.to()).isEqualTo(CUSTOMER_CONTACTED);
        assertThat(t.acknowledges()).isTrue();
    }

    @Test
    void contactingTheCustomerOfAnAcknowledgedEscalationDoesNotAcknowledgeAgain() {
        Transition t = Lifecycle.contactCustomer(ACKNOWLEDGED);
        assertThat(t.to()).isEqualTo(CUSTOMER_CONTACTED);
        assertThat(t.acknowledges()).isFalse();
    }

    @Test
    void theCustomerContactIsRecordedOnce() {
        assertThatThrownBy(() -> Lifecycle.contactCustomer(CUSTOMER_CONTACTED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("CUSTOMER_CONTACTED already")
                .extracting(e -> ((IllegalTransitionException) e).currentStatus()).isEqualTo(CUSTOMER_CONTACTED);
    }

    @Test
    void nothingIsContactedOnceResolved() {
        assertThatThrownBy(() -> Lifecycle.contactCustomer(RESOLVED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("escalation is RESOLVED; the customer contact cannot be recorded")
                .extracting(e -> ((IllegalTransitionException) e).currentStatus()).isEqualTo(RESOLVED);
    }

    @ParameterizedTest
    @EnumSource(EscalationType.class)
    void nothingLeavesResolvedWhateverTheOutcome(EscalationType type) {
        for (Outcome outcome : Outcome.of(type)) {
            assertThatThrownBy(() -> Lifecycle.resolve(type, RESOLVED, outcome))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("escalation is RESOLVED; it cannot be resolved again");
        }
        assertThatThrownBy(() -> Lifecycle.checkReassign(RESOLVED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessage("escalation is RESOLVED; it cannot be reassigned");
    }

    @ParameterizedTest
    @EnumSource(value = EscalationStatus.class, names = { "OPEN", "ACKNOWLEDGED", "CUSTOMER_CONTACTED" })
    void anUnresolvedEscalationCanBeReassigned(EscalationStatus current) {
        Lifecycle.checkReassign(current);
    }

    /** Every type × every outcome × every unresolved status: legal, wrong polarity (400) or too early (409). */
    static Stream<Arguments> resolutions() {
        List<Arguments> all = new ArrayList<>();
        for (EscalationType type : EscalationType.values()) {
            for (Outcome outcome : Outcome.values()) {
                for (EscalationStatus status : EnumSet.of(OPEN, ACKNOWLEDGED, CUSTOMER_CONTACTED)) {
                    all.add(Arguments.of(type, outcome, status));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} resolved {1} from {2}")
    @MethodSource("resolutions")
    void resolvingChecksTheOutcomeAgainstTypeAndStatus(EscalationType type, Outcome outcome,
            EscalationStatus from) {
        boolean fits = allowed(type).contains(outcome);
        boolean needsContact = outcome == Outcome.RECOVERED || outcome == Outcome.NOT_RECOVERED;
        if (!fits) {
            assertThatThrownBy(() -> Lifecycle.resolve(type, from, outcome))
                    .isInstanceOf(OutcomeNotAllowedException.class)
                    .hasMessageStartingWith(outcome + " does not fit a " + type + " escalation");
        } else if (needsContact && from != CUSTOMER_CONTACTED) {
            assertThatThrownBy(() -> Lifecycle.resolve(type, from, outcome))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("escalation is " + from + "; " + outcome + " needs the customer contact recorded "
                            + "first")
                    .extracting(e -> ((IllegalTransitionException) e).currentStatus()).isEqualTo(from);
        } else {
            Transition t = Lifecycle.resolve(type, from, outcome);
            assertThat(t.to()).isEqualTo(RESOLVED);
            assertThat(t.outcome()).isEqualTo(outcome);
            assertThat(t.acknowledges()).isEqualTo(from == OPEN);
        }
    }

    @ParameterizedTest
    @EnumSource(EscalationType.class)
    void anOutcomeIsRequiredToResolve(EscalationType type) {
        assertThatThrownBy(() -> Lifecycle.resolve(type, ACKNOWLEDGED, null))
                .isInstanceOf(OutcomeNotAllowedException.class)
                .hasMessageStartingWith("an outcome is required");
    }

    @Test
    void aWrongPolarityOutcomeIsBadInputEvenOnceResolved() {
        assertThatThrownBy(() -> Lifecycle.resolve(EscalationType.POOR_SCORE, RESOLVED, Outcome.LEAD_WON))
                .isInstanceOf(OutcomeNotAllowedException.class)
                .hasMessage("LEAD_WON does not fit a POOR_SCORE escalation: a POOR_SCORE escalation takes "
                        + "RECOVERED, NOT_RECOVERED, NO_CONTACT_POSSIBLE, NO_ACTION_NEEDED");
    }

    @Test
    void eachTypeTakesItsOwnOutcomes() {
        assertThat(Outcome.of(EscalationType.NEGATIVE_FEEDBACK)).containsExactly(Outcome.RECOVERED,
                Outcome.NOT_RECOVERED, Outcome.NO_CONTACT_POSSIBLE, Outcome.NO_ACTION_NEEDED);
        assertThat(Outcome.of(EscalationType.POOR_SCORE)).containsExactly(Outcome.RECOVERED,
                Outcome.NOT_RECOVERED, Outcome.NO_CONTACT_POSSIBLE, Outcome.NO_ACTION_NEEDED);
        assertThat(Outcome.of(EscalationType.ALL_FIVES)).containsExactly(Outcome.RECOGNISED, Outcome.CLOSED);
        assertThat(Outcome.of(EscalationType.LEAD)).containsExactly(Outcome.LEAD_WON, Outcome.LEAD_LOST,
                Outcome.CLOSED);
    }

    /** The table from the issue, written out independently of {@link Outcome}. */
    private static Set<Outcome> allowed(EscalationType type) {
        switch (type) {
            case NEGATIVE_FEEDBACK:
            case POOR_SCORE:
                return EnumSet.of(Outcome.RECOVERED, Outcome.NOT_RECOVERED, Outcome.NO_CONTACT_POSSIBLE,
                        Outcome.NO_ACTION_NEEDED);
            case ALL_FIVES:
                return EnumSet.of(Outcome.RECOGNISED, Outcome.CLOSED);
            case LEAD:
                return EnumSet.of(Outcome.LEAD_WON, Outcome.LEAD_LOST, Outcome.CLOSED);
            default:
                throw new IllegalArgumentException(type.name());
        }
    }
}
