package dev.closeloop.escalation.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.AlertDelivered;

/** How the timeline words a delivery report for each channel. */
class DeliveryDetailTest {

    @Test
    void anEmailReportReadsAsBefore() {
        assertThat(EscalationService.deliveryDetail(report("EMAIL", AlertDelivered.SENT, 1)))
                .isEqualTo("EMAIL alert (level 1) accepted for mia.jones@acme.example");
        assertThat(EscalationService.deliveryDetail(report("EMAIL", AlertDelivered.FAILED, 50)))
                .isEqualTo("EMAIL alert (level 1) to mia.jones@acme.example failed after 50 attempts");
    }

    @Test
    void aPushReportSaysThePushServiceTookItForTheManagersBrowsers() {
        assertThat(EscalationService.deliveryDetail(report("PUSH", AlertDelivered.SENT, 2))).isEqualTo(
                "PUSH alert (level 1) accepted by the push service for the browser(s) of mia.jones@acme.example");
        assertThat(EscalationService.deliveryDetail(report("PUSH", AlertDelivered.FAILED, 1))).isEqualTo(
                "PUSH alert (level 1) to the browser(s) of mia.jones@acme.example failed after 1 attempts "
                        + "(no subscribed browser took it; the email is separate)");
    }

    private static AlertDelivered report(String channel, String status, int attempts) {
        return new AlertDelivered("tel-1", List.of("e-1"), "mia-jones", "mia.jones@acme.example", channel, 1, status,
                attempts, Instant.parse("2026-12-04T10:15:03Z"));
    }
}
