package dev.closeloop.escalation.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.Recipient;
import dev.closeloop.localstack.testing.MovableClock;

class ActionLinksTest {

    static final String SECRET = "a-test-secret-of-at-least-32-bytes!";
    static final Instant NOW = Instant.parse("2030-01-15T09:30:00Z");
    static final UUID ESCALATION = UUID.fromString("8d0b8a4e-5d1c-4c1e-9a59-3f0c2b7d9e11");

    final MovableClock clock = new MovableClock(NOW);
    final ActionLinks links = new ActionLinks(SECRET, Duration.ofDays(3), "https://closeloop.example/", clock);

    @Test
    void aMintedLinkVerifiesAsWhatItWasMadeFor() {
        ActionLink link = miaAcknowledges(NOW.plus(Duration.ofDays(3)));

        String token = links.mint(link);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(links.verify(token)).contains(link);
        assertThat(links.expired(link)).isFalse();
    }

    @Test
    void theRecipientsGetALinkPerEscalationTheyAreToldAboutValidForTheConfiguredTime() {
        String poor = UUID.randomUUID().toString();
        String lead = UUID.randomUUID().toString();
        Recipient mia = new Recipient("mia-jones", "Mia Jones", "mia.jones@acme.example", "Europe/London",
                List.of("EMAIL"), List.of(poor, lead));
        Recipient priya = new Recipient("priya-shah", "Priya Shah", "priya.shah@acme.example", "Europe/London",
                List.of("EMAIL"), List.of(lead));

        List<Recipient> linked = links.withAcknowledgeLinks("acme", List.of(mia, priya));

        assertThat(linked).extracting(Recipient::email).containsExactly(mia.email(), priya.email());
        assertThat(linked.get(0).acknowledgeUrls()).containsOnlyKeys(poor, lead);
        assertThat(linked.get(1).acknowledgeUrls()).containsOnlyKeys(lead);
        String url = linked.get(1).acknowledgeUrls().get(lead);
        assertThat(url).startsWith("https://closeloop.example/a/");
        assertThat(links.verify(url.substring("https://closeloop.example/a/".length()))).contains(
                new ActionLink("acme", UUID.fromString(lead), "priya-shah", "priya.shah@acme.example",
                        ActionLink.Action.ACKNOWLEDGE, NOW.plus(Duration.ofDays(3))));
        assertThat(linked.get(0).acknowledgeUrls().get(lead)).isNotEqualTo(url);
    }

    @Test
    void aLinkInAnAlertHeldForWorkingHoursCountsItsTimeFromWhenTheAlertGoesOut() {
        String fives = UUID.randomUUID().toString();
        Instant mondayMorning = NOW.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        Recipient held = new Recipient("mia-jones", "Mia Jones", "mia.jones@acme.example", "Europe/London",
                List.of("EMAIL"), List.of(fives), null, mondayMorning, null);

        String url = links.withAcknowledgeLinks("acme", List.of(held)).get(0).acknowledgeUrls().get(fives);

        assertThat(links.verify(token(url))).map(ActionLink::expiresAt).contains(mondayMorning.plus(Duration.ofDays(3)));
    }

    @Test
    void idsThatAreNoEscalationOfTheEngineAndRecipientsWithoutEmailGetNoLink() {
        Recipient odd = new Recipient("x", "X", "x@acme.example", null, null, List.of("not-a-uuid"));
        Recipient noEmail = new Recipient("y", "Y", null, null, null, List.of(UUID.randomUUID().toString()));

        assertThat(links.withAcknowledgeLinks("acme", List.of(odd, noEmail)))
                .allSatisfy(r -> assertThat(r.acknowledgeUrls()).isEmpty());
    }

    @Test
    void aLinkExpiresAtItsExpiryByTheClock() {
        ActionLink link = links.verify(token(links.acknowledgeUrl("acme", ESCALATION, "mia-jones",
                "mia.jones@acme.example"))).orElseThrow();

        clock.set(link.expiresAt().minusSeconds(1));
        assertThat(links.expired(link)).isFalse();
        clock.set(link.expiresAt());
        assertThat(links.expired(link)).isTrue();
        assertThat(links.verify(links.mint(link))).as("still genuine, only expired").contains(link);
    }

    @Test
    void anyChangedCharacterMakesTheTokenWorthless() {
        String token = links.mint(miaAcknowledges(NOW.plusSeconds(60)));

        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char other = c == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + other + token.substring(i + 1);
            if (!tampered.equals(token)) {
                assertThat(links.verify(tampered)).as("changed at %d", i).isEmpty();
            }
        }
    }

    @Test
    void anotherTenantOrRecipientOrLaterExpiryCannotBeSwappedUnderTheSignature() {
        String genuine = links.mint(miaAcknowledges(NOW.plusSeconds(60)));
        String signature = genuine.substring(genuine.indexOf('.'));
        ActionLink mia = miaAcknowledges(NOW.plusSeconds(60));

        for (ActionLink forged : List.of(
                new ActionLink("globex", ESCALATION, mia.managerId(), mia.email(), mia.action(), mia.expiresAt()),
                new ActionLink("acme", UUID.randomUUID(), mia.managerId(), mia.email(), mia.action(), mia.expiresAt()),
                new ActionLink("acme", ESCALATION, "carlos-ruiz", "carlos.ruiz@acme.example", mia.action(),
                        mia.expiresAt()),
                new ActionLink("acme", ESCALATION, mia.managerId(), mia.email(), mia.action(),
                        NOW.plus(Duration.ofDays(365))))) {
            String payload = links.mint(forged);
            assertThat(links.verify(payload.substring(0, payload.indexOf('.')) + signature)).as("%s", forged)
                    .isEmpty();
        }
    }

    @Test
    void aTokenSignedUnderAnotherSecretIsRejected() {
        ActionLinks elsewhere = new ActionLinks("another-secret-also-32-bytes-long!!", Duration.ofDays(3),
                "https://closeloop.example", clock);

        assertThat(links.verify(elsewhere.mint(miaAcknowledges(NOW.plusSeconds(60))))).isEmpty();
    }

    @Test
    void garbageIsRejectedWithoutFailing() {
        String token = links.mint(miaAcknowledges(NOW.plusSeconds(60)));
        for (String garbage : new String[] { null, "", ".", "abc", "abc.", ".abc", "a.b.c", "!!!.???",
                token + "." + token, token.substring(0, token.length() - 1), "x".repeat(5000) + token,
                token.substring(0, token.indexOf('.')) + ".", "AQ." + token.substring(token.indexOf('.') + 1) }) {
            assertThat(links.verify(garbage)).as("%s", garbage).isEmpty();
        }
    }

    @Test
    void aShortSecretOrAUrlThatIsNotHttpStopsTheService() {
        assertThatThrownBy(() -> new ActionLinks("too-short", Duration.ofDays(3), "https://x.example", clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new ActionLinks(null, Duration.ofDays(3), "https://x.example", clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActionLinks(SECRET, Duration.ZERO, "https://x.example", clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> new ActionLinks(SECRET, Duration.ofDays(3), "javascript:alert(1)", clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)");
    }

    @Test
    void theUrlIsThePublicUrlWithoutItsTrailingSlashThenTheToken() {
        String url = links.acknowledgeUrl("acme", ESCALATION, "mia-jones", "mia.jones@acme.example");

        assertThat(url).matches("https://closeloop\\.example/a/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    private static ActionLink miaAcknowledges(Instant expiresAt) {
        return new ActionLink("acme", ESCALATION, "mia-jones", "mia.jones@acme.example",
                ActionLink.Action.ACKNOWLEDGE, expiresAt);
    }

    private static String token(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
