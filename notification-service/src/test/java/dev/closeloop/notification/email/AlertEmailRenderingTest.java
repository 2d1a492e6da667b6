package dev.closeloop.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.EscalationType;
import dev.closeloop.events.RaisedEscalation;
import dev.closeloop.events.Recipient;
import dev.closeloop.events.Survey;
import dev.closeloop.notification.TestAlerts;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.UserTagSectionHelper;
import io.quarkus.qute.Variant;

/**
 * Renders the real templates with a Qute engine set up as Quarkus sets it up (HTML escaped, strict
 * rendering, standalone section lines removed), without starting the application.
 */
class AlertEmailRenderingTest {

    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .addLocator(AlertEmailRenderingTest::sharedHtml)
            .addSectionHelper(new UserTagSectionHelper.Factory("escalations", "tags/escalations"))
            .removeStandaloneLines(true)
            .strictRendering(true)
            .build();
    private static final Template HTML = ENGINE.parse(template("AlertEmailRenderer/html.html"),
            Variant.forContentType(Variant.TEXT_HTML));
    private static final Template TEXT = ENGINE.parse(template("AlertEmailRenderer/text.txt"),
            Variant.forContentType(Variant.TEXT_PLAIN));
    private static final Template BATCH_HTML = ENGINE.parse(template("AlertEmailRenderer/batchHtml.html"),
            Variant.forContentType(Variant.TEXT_HTML));
    private static final Template BATCH_TEXT = ENGINE.parse(template("AlertEmailRenderer/batchText.txt"),
            Variant.forContentType(Variant.TEXT_PLAIN));
    private static final Survey.Agent SAM = new Survey.Agent("csr-17", "Sam Lee", "billing-uk", "manchester");

    @Test
    void subjectNamesEveryTypeTheCustomerAndTheTeam() {
        RenderedEmail email = render(TestAlerts.alert("tel-1", "mia@acme.example"));

        assertThat(email.subject()).isEqualTo("[Closeloop] Poor score + Negative feedback — Dana Smith (billing-uk)");
    }

    @Test
    void negativeTypesComeFirstWhateverOrderTheyArrive() {
        AlertReady alert = new AlertReady(TestAlerts.survey("tel-2", null),
                List.of(new RaisedEscalation("e1", EscalationType.LEAD, List.of("CSR: renewal")),
                        new RaisedEscalation("e2", EscalationType.NEGATIVE_FEEDBACK, List.of("CSR: angry"))),
                TestAlerts.recipient("mia@acme.example", "Europe/London"), 1, null, null);

        assertThat(render(alert).subject()).startsWith("[Closeloop] Negative feedback + Lead — ");
    }

    @Test
    void subjectCannotBreakOutOfItsHeaderLine() {
        Survey survey = TestAlerts.survey("tel-3", null);
        Survey withCrLf = new Survey(survey.surveyId(), survey.completedAt(), survey.call(),
                new Survey.Customer("CUST-1", "Dana\r\nBcc: victim@example.com", null, null), survey.agent(),
                survey.answers(), null, survey.csr());
        AlertReady alert = new AlertReady(withCrLf, TestAlerts.poorScoreAndNegativeFeedback(),
                TestAlerts.recipient("mia@acme.example", "Europe/London"), 1, null, null);

        assertThat(render(alert).subject()).doesNotContain("\r", "\n")
                .contains("Dana Bcc: victim@example.com");
    }

    @Test
    void everyReasonAndTheWholeSurveyAreInBothParts() {
        RenderedEmail email = render(TestAlerts.alert("tel-4", "mia@acme.example"));

        for (String body : List.of(email.html(), email.text())) {
            assertThat(body).contains("Poor score", "Negative feedback",
                    "How satisfied were you with the call overall? = 1", "CSR: Customer threatens to cancel",
                    "Dana Smith", "CUST-991", "+441632960001", "dana.smith@example.com",
                    "Sam Lee", "csr-17", "billing-uk", "manchester", "c-88812", "billing", "5 min 12 s",
                    "Third call about the same bill.", "Customer threatens to cancel",
                    "http://localhost:8084/r/tok-tel-4");
        }
    }

    @Test
    void scoresOfOneAreMarkedInTextAndHighlightedInHtml() {
        RenderedEmail email = render(TestAlerts.alert("tel-5", "mia@acme.example"));

        assertThat(email.text())
                .contains("1/5 ⚠  How satisfied were you with the call overall? (q1)")
                .contains("1/5 ⚠  How would you rate the agent's technical ability? (q2)")
                .contains("3/5    How likely are you to recommend us? (q3)")
                .doesNotContain("3/5 ⚠");
        assertThat(email.html().split("class=\"score-one\"", -1)).hasSize(3);
        assertThat(email.html()).containsPattern(
                "class=\"score-one\" style=\"background:#ffebe9[^\"]*\">\\s*<td[^>]*>How satisfied were you");
        assertThat(email.html()).contains("1/5 &#9888;").containsPattern("class=\"score\">\\s*<td[^>]*>How likely");
    }

    @Test
    void markupInTheCommentIsEscapedInHtmlAndLeftReadableInText() {
        AlertReady alert = new AlertReady(
                TestAlerts.survey("tel-6", "Awful <script>alert('x')</script> & \"rude\""),
                TestAlerts.poorScoreAndNegativeFeedback(),
                TestAlerts.recipient("mia@acme.example", "Europe/London"), 1, null, null);

        RenderedEmail email = render(alert);

        assertThat(email.html()).doesNotContain("<script>")
                .contains("Awful &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;rude&quot;");
        assertThat(email.text()).contains("Awful <script>alert('x')</script> & \"rude\"");
    }

    @Test
    void timesReadInTheRecipientsZone() {
        AlertReady london = TestAlerts.alert("tel-7", "mia@acme.example");
        AlertReady chicago = new AlertReady(london.survey(), london.escalations(),
                TestAlerts.recipient("carlos@acme.example", "America/Chicago"), 1, london.recordingUrl(),
                london.recordingUrlExpiresAt());

        assertThat(render(london).text()).contains("Started:    Fri 4 Dec 2026, 10:02 GMT")
                .contains("works until Mon 7 Dec 2026, 10:15 GMT").contains("Times are in Europe/London");
        assertThat(render(chicago).text()).contains("Started:    Fri 4 Dec 2026, 04:02 CST")
                .contains("works until Mon 7 Dec 2026, 04:15 CST").contains("Times are in America/Chicago");
        assertThat(render(chicago).html()).contains("Started Fri 4 Dec 2026, 04:02 CST");
    }

    @Test
    void anUnknownZoneFallsBackToUtcAndSaysSo() {
        AlertReady alert = new AlertReady(TestAlerts.survey("tel-8", null), TestAlerts.poorScoreAndNegativeFeedback(),
                TestAlerts.recipient("mia@acme.example", "Mars/Olympus_Mons"), 1, null, null);

        assertThat(render(alert).text()).contains("10:02 UTC").contains("Times are in UTC");
    }

    @Test
    void aCallWithoutRecordingSaysSoInsteadOfALink() {
        AlertReady alert = new AlertReady(TestAlerts.survey("tel-9", null), TestAlerts.poorScoreAndNegativeFeedback(),
                TestAlerts.recipient("mia@acme.example", "Europe/London"), 1, null, null);

        RenderedEmail email = render(alert);

        assertThat(email.text()).contains("No recording for this call.").doesNotContain("Listen:");
        assertThat(email.html()).contains("No recording for this call.").doesNotContain("class=\"recording\"");
    }

    @Test
    void theRecordingIsALinkWithItsExpiry() {
        RenderedEmail email = render(TestAlerts.alert("tel-10", "mia@acme.example"));

        assertThat(email.html()).contains("<a class=\"recording\" href=\"http://localhost:8084/r/tok-tel-10\"")
                .contains("works until Mon 7 Dec 2026, 10:15 GMT");
        assertThat(email.text()).contains("Listen: http://localhost:8084/r/tok-tel-10");
    }

    @Test
    void aLinkThatIsNotHttpIsShownButNeverLinked() {
        AlertReady alert = new AlertReady(TestAlerts.survey("tel-11", null), TestAlerts.poorScoreAndNegativeFeedback(),
                TestAlerts.recipient("mia@acme.example", "Europe/London"), 1, "javascript:alert(1)", null);

        assertThat(render(alert).html()).doesNotContain("href=\"javascript").contains("javascript:alert(1)");
    }

    @Test
    void theCsrsLeadNoteIsShown() {
        Survey survey = TestAlerts.survey("tel-12", null);
        Survey lead = new Survey(survey.surveyId(), survey.completedAt(), survey.call(), survey.customer(),
                survey.agent(), List.of(), null, new Survey.CsrFlags(false, null, true, "RENEWAL", "Contract ends in May"));
        AlertReady alert = new AlertReady(lead, List.of(new RaisedEscalation("e1", EscalationType.LEAD,
                List.of("CSR: RENEWAL lead"))), TestAlerts.recipient("priya@acme.example", "Europe/London"), 1, null,
                null);

        RenderedEmail email = render(alert);

        assertThat(email.subject()).isEqualTo("[Closeloop] Lead — Dana Smith (billing-uk)");
        assertThat(email.text()).contains("Lead (RENEWAL): Contract ends in May")
                .contains("No rated questions were answered.").contains("The customer left no comment.")
                .doesNotContain("Needs attention");
        assertThat(email.html()).contains("Lead (RENEWAL):</strong> Contract ends in May");
    }

    @Test
    void aDigestListsEveryHeldAlertWithItsEscalationsReasonsCustomerAndLink() {
        Recipient mia = TestAlerts.heldUntil("mia@acme.example", Instant.parse("2026-12-07T09:00:00Z"));
        List<AlertReady> held = List.of(TestAlerts.alert("tel-21", mia, SAM, "Dana Smith"),
                TestAlerts.alert("tel-22", mia, SAM, "Lee Brown"),
                TestAlerts.alert("tel-23", mia, new Survey.Agent("csr-42", "Ana Ruiz", "billing-uk", "leeds"),
                        "Kim Park"));

        RenderedEmail email = render(AlertBatchView.digest(held));

        assertThat(email.subject()).isEqualTo("[Closeloop] 3 alerts held for your working hours");
        for (String body : List.of(email.html(), email.text())) {
            assertThat(body).contains("3 alerts held for your working hours", "Hello Mia Jones",
                    "outside your working hours", "Times are in Europe/London");
            for (String survey : List.of("tel-21", "tel-22", "tel-23")) {
                assertThat(body).contains("Survey " + survey, "CUST-" + survey,
                        "http://localhost:8084/r/tok-" + survey);
            }
            assertThat(body).contains("Dana Smith", "Lee Brown", "Kim Park", "Sam Lee (csr-17)", "Ana Ruiz (csr-42)",
                    "Poor score", "Negative feedback", "How satisfied were you with the call overall? = 1",
                    "CSR: Customer threatens to cancel", "works until Mon 7 Dec 2026, 10:15 GMT");
        }
        assertThat(email.text()).contains("1. Poor score + Negative feedback — Dana Smith",
                "3. Poor score + Negative feedback — Kim Park");
        assertThat(email.html().split("class=\"alert\"", -1)).hasSize(4);
        assertThat(email.html()).contains("<a class=\"recording\" href=\"http://localhost:8084/r/tok-tel-22\"");
    }

    @Test
    void everyHtmlEmailIsAWholeDocumentTitledWithItsSubject() {
        Recipient mia = TestAlerts.heldUntil("mia@acme.example", Instant.parse("2026-12-07T09:00:00Z"));
        RenderedEmail single = render(TestAlerts.alert("tel-20", "mia@acme.example"));
        RenderedEmail digest = render(AlertBatchView.digest(List.of(TestAlerts.alert("tel-25", mia, SAM, "Dana"))));

        for (RenderedEmail email : List.of(single, digest)) {
            assertThat(email.html().strip()).startsWith("<!DOCTYPE html>").endsWith("</html>")
                    .contains("<title>" + email.subject() + "</title>", "max-width:640px");
        }
    }

    @Test
    void aDigestOfOneAlertSaysSo() {
        Recipient mia = TestAlerts.heldUntil("mia@acme.example", Instant.parse("2026-12-07T09:00:00Z"));

        RenderedEmail email = render(AlertBatchView.digest(List.of(TestAlerts.alert("tel-24", mia, SAM, "Dana"))));

        assertThat(email.subject()).isEqualTo("[Closeloop] 1 alert held for your working hours");
        assertThat(email.text()).contains("This alert came in outside your working hours");
    }

    @Test
    void aGroupedEmailNamesTheAgentHowManyMoreAndTheWindow() {
        Recipient mia = TestAlerts.groupedWithin("mia@acme.example", Duration.ofMinutes(10));
        List<AlertReady> burst = List.of(TestAlerts.alert("tel-31", mia, SAM, "Dana Smith"),
                TestAlerts.alert("tel-32", mia, SAM, "Lee Brown"), TestAlerts.alert("tel-33", mia, SAM, "Kim Park"));

        RenderedEmail email = render(AlertBatchView.group(burst));

        assertThat(email.subject())
                .isEqualTo("[Closeloop] 3 more alerts about Sam Lee (agent csr-17) in the last 10 minutes");
        for (String body : List.of(email.html(), email.text())) {
            assertThat(body).contains("You were sent the first alert about Sam Lee (agent csr-17) at once",
                    "within 10 minutes of it", "Dana Smith", "Lee Brown", "Kim Park",
                    "http://localhost:8084/r/tok-tel-31", "http://localhost:8084/r/tok-tel-33");
        }
    }

    @Test
    void aGroupedSubjectStaysOneHeaderLine() {
        Recipient mia = TestAlerts.groupedWithin("mia@acme.example", Duration.ofMinutes(90));
        Survey.Agent crafty = new Survey.Agent("csr-9\r\nBcc: victim@example.com", null, null, null);

        RenderedEmail email = render(AlertBatchView.group(List.of(TestAlerts.alert("tel-34", mia, crafty, "Dana"))));

        assertThat(email.subject()).doesNotContain("\r", "\n").isEqualTo(
                "[Closeloop] 1 more alert about (agent csr-9 Bcc: victim@example.com) in the last 1 hour 30 minutes");
    }

    @Test
    void markupInABatchIsEscapedInHtml() {
        Recipient mia = TestAlerts.heldUntil("mia@acme.example", Instant.parse("2026-12-07T09:00:00Z"));

        RenderedEmail email = render(AlertBatchView.digest(List.of(
                TestAlerts.alert("tel-35", mia, SAM, "<b>Dana</b>"))));

        assertThat(email.html()).doesNotContain("<b>Dana</b>").contains("&lt;b&gt;Dana&lt;/b&gt;");
        assertThat(email.text()).contains("<b>Dana</b>");
    }

    @Test
    void windowsReadAsAManagerWouldSayThem() {
        assertThat(AlertBatchView.words(Duration.ofMinutes(10))).isEqualTo("10 minutes");
        assertThat(AlertBatchView.words(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(AlertBatchView.words(Duration.ofHours(24))).isEqualTo("24 hours");
        assertThat(AlertBatchView.words(Duration.ofSeconds(45))).isEqualTo("45 seconds");
        assertThat(AlertBatchView.words(Duration.ofMinutes(61))).isEqualTo("1 hour 1 minute");
    }

    private static RenderedEmail render(AlertBatchView view) {
        return new RenderedEmail(view.subject(), BATCH_HTML.data("batch", view).render(),
                BATCH_TEXT.data("batch", view).render());
    }

    private static RenderedEmail render(AlertReady alert) {
        AlertView view = AlertView.of(alert);
        return new RenderedEmail(view.subject(), HTML.data("alert", view).render(), TEXT.data("alert", view).render());
    }

    /** The HTML that the emails share (the layout they include, the tags they use), found as Quarkus finds it. */
    private static Optional<TemplateLocator.TemplateLocation> sharedHtml(String id) {
        if (AlertEmailRenderingTest.class.getClassLoader().getResource("templates/" + id + ".html") == null) {
            return Optional.empty();
        }
        String content = template(id + ".html");
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                return new StringReader(content);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
            }
        });
    }

    private static String template(String name) {
        String path = "templates/" + name;
        try (InputStream in = AlertEmailRenderingTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
