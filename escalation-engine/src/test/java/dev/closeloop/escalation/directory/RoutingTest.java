package dev.closeloop.escalation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.EscalationType;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;

class RoutingTest {

    private static final Contact MIA = new Contact("mia-jones", "Mia Jones", "mia.jones@acme.example", "Europe/London");
    private static final Contact OLLIE = new Contact("ollie-king", "Ollie King", "ollie.king@acme.example",
            "Europe/London");
    private static final Contact PRIYA = new Contact("priya-shah", "Priya Shah", "priya.shah@acme.example",
            "Europe/London");
    private static final Contact DESK = new Contact("cx-desk", "CX Desk", "cx-desk@acme.example", "Europe/London");

    private static final Tenant ACME = new Tenant("acme", "Acme", DESK, List.of(PRIYA),
            List.of(new Team("billing-uk", "manchester", List.of(MIA, OLLIE))), List.of());

    private static final RaisedEscalation POOR = new RaisedEscalation("e-poor", EscalationType.POOR_SCORE, List.of());
    private static final RaisedEscalation NEGATIVE = new RaisedEscalation("e-neg", EscalationType.NEGATIVE_FEEDBACK,
            List.of());
    private static final RaisedEscalation LEAD = new RaisedEscalation("e-lead", EscalationType.LEAD, List.of());
    private static final RaisedEscalation FIVES = new RaisedEscalation("e-fives", EscalationType.ALL_FIVES, List.of());

    @Test
    void everyEscalationGoesToEveryManagerOfTheAgentsTeam() {
        List<Recipient> recipients = Routing.route(ACME, "billing-uk", List.of(NEGATIVE, POOR));

        assertThat(recipients).containsExactly(
                new Recipient("mia-jones", "Mia Jones", "mia.jones@acme.example", "Europe/London", List.of("EMAIL"),
                        List.of("e-neg", "e-poor")),
                new Recipient("ollie-king", "Ollie King", "ollie.king@acme.example", "Europe/London",
                        List.of("EMAIL"), List.of("e-neg", "e-poor")));
    }

    @Test
    void salesContactsHearOfTheLeadOnly() {
        List<Recipient> recipients = Routing.route(ACME, "billing-uk", List.of(LEAD, FIVES));

        assertThat(recipients).extracting(Recipient::managerId).containsExactly("mia-jones", "ollie-king", "priya-shah");
        assertThat(recipients.get(0).escalationIds()).containsExactly("e-lead", "e-fives");
        assertThat(recipients.get(2).escalationIds()).containsExactly("e-lead");
    }

    @Test
    void salesContactsHearNothingWithoutALead() {
        assertThat(Routing.route(ACME, "billing-uk", List.of(POOR, NEGATIVE)))
                .extracting(Recipient::managerId).doesNotContain("priya-shah");
    }

    @Test
    void anUnknownTeamGoesToTheFallbackContactWithEverything() {
        List<Recipient> recipients = Routing.route(ACME, "night-shift", List.of(POOR, LEAD));

        assertThat(recipients).extracting(Recipient::managerId).containsExactly("cx-desk", "priya-shah");
        assertThat(recipients.get(0).escalationIds()).containsExactly("e-poor", "e-lead");
        assertThat(recipients.get(0).email()).isEqualTo("cx-desk@acme.example");
        assertThat(recipients.get(1).escalationIds()).containsExactly("e-lead");
    }

    @Test
    void aMissingTeamGoesToTheFallbackContact() {
        assertThat(Routing.route(ACME, null, List.of(FIVES))).extracting(Recipient::managerId)
                .containsExactly("cx-desk");
    }

    @Test
    void teamIdsAreMatchedExactly() {
        assertThat(Routing.route(ACME, "Billing-UK", List.of(POOR))).extracting(Recipient::managerId)
                .containsExactly("cx-desk");
    }

    @Test
    void aManagerWhoAlsoSellsIsOneRecipientToldOfEverything() {
        Tenant tenant = new Tenant("acme", "Acme", DESK, List.of(PRIYA),
                List.of(new Team("sales", "leeds", List.of(PRIYA))), List.of());

        List<Recipient> recipients = Routing.route(tenant, "sales", List.of(POOR, LEAD));

        assertThat(recipients).hasSize(1);
        assertThat(recipients.get(0).escalationIds()).containsExactly("e-poor", "e-lead");
    }

    @Test
    void recipientsCarryTheContactsTimeZoneAndTheEmailChannel() {
        Tenant chicago = new Tenant("acme", "Acme", DESK, List.of(), List.of(new Team("support-us", "austin",
                List.of(new Contact("carlos-ruiz", "Carlos Ruiz", "carlos.ruiz@acme.example", "America/Chicago")))),
                List.of());

        Recipient carlos = Routing.route(chicago, "support-us", List.of(POOR)).get(0);

        assertThat(carlos.timeZone()).isEqualTo("America/Chicago");
        assertThat(carlos.channels()).containsExactly("EMAIL");
    }

    @Test
    void noEscalationsMeansNoRecipients() {
        assertThat(Routing.route(ACME, "billing-uk", List.of())).isEmpty();
    }

    @Test
    void toldAboutPicksTheRecipientsOfOneEscalation() {
        List<Recipient> recipients = Routing.route(ACME, "billing-uk", List.of(POOR, LEAD));

        assertThat(Routing.toldAbout(recipients, "e-poor")).extracting(Recipient::managerId)
                .containsExactly("mia-jones", "ollie-king");
        assertThat(Routing.toldAbout(recipients, "e-lead")).extracting(Recipient::managerId)
                .containsExactly("mia-jones", "ollie-king", "priya-shah");
    }
}
