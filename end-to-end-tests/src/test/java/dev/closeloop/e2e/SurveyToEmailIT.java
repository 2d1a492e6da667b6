package dev.closeloop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.Stack;
import dev.closeloop.localstack.StackConfig;
import dev.closeloop.localstack.demo.Wav;
import io.restassured.response.Response;

/**
 * The product's promise end to end, on the packaged services, a real PostgreSQL, Artemis and SMTP server:
 * the telephony platform uploads a recording and posts the contract's example surveys; each raises what
 * DESIGN.md says, exactly once; each recipient gets one email per survey, whose recording link plays the
 * uploaded bytes, and whose acknowledge link acknowledges in the recipient's name.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyToEmailIT {

    static final String ADMIN = "admin@acme.example";
    static final String ADMIN_PASSWORD = "closeloop-admin";
    static final String MIA = "mia.jones@acme.example";
    static final String PRIYA = "priya.shah@acme.example";
    static final String CX_DESK = "cx-desk@acme.example";
    /** Level 2 of poor scores and negative feedback in the demo directory, after 45 s. */
    static final String HANA = "hana.sato@acme.example";
    static final Duration ARRIVAL = Duration.ofSeconds(60);
    static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/r/[A-Za-z0-9_-]+");
    static final Pattern ACKNOWLEDGE = Pattern.compile("Acknowledge: (https?://\\S+/a/[A-Za-z0-9_.-]+)");
    static final ObjectMapper JSON = new ObjectMapper();

    static Stack stack;
    static Path repoRoot;
    static byte[] recording;
    /** When intake answered 202, per survey: the start of the path whose length we report. */
    static final Map<String, Long> acceptedAtMillis = new ConcurrentHashMap<>();

    @BeforeAll
    static void startTheSuite() throws IOException {
        repoRoot = StackConfig.findRepoRoot(Path.of(""));
        Path home = Path.of(System.getProperty("closeloop.test.scratch", "target/test-scratch"), "stack")
                .toAbsolutePath();
        stack = Stack.start(StackConfig.forTests(repoRoot, home));
        recording = Wav.tune(7, 2.0);
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void eachContractExampleRaisesItsEscalationAndMailsEachRecipientOnceWithAPlayableLink() throws Exception {
        uploadRecording("rec-1001", recording).then().statusCode(201);

        Map<String, Expected> examples = new LinkedHashMap<>();
        examples.put("survey-poor-score.json", new Expected(Set.of("POOR_SCORE"), Set.of(MIA)));
        examples.put("survey-negative-feedback.json", new Expected(Set.of("NEGATIVE_FEEDBACK"), Set.of(MIA)));
        examples.put("survey-lead.json", new Expected(Set.of("LEAD"), Set.of(MIA, PRIYA)));
        examples.put("survey-all-fives.json", new Expected(Set.of("ALL_FIVES"), Set.of(MIA)));

        Map<String, Expected> bySurvey = new LinkedHashMap<>();
        for (Map.Entry<String, Expected> example : examples.entrySet()) {
            ObjectNode body = contractExample(example.getKey());
            bySurvey.put(body.get("surveyId").asText(), example.getValue());
            submit(body);
        }

        for (Map.Entry<String, Expected> survey : bySurvey.entrySet()) {
            assertRaisedAndMailed(survey.getKey(), survey.getValue());
        }
    }

    @Test
    @Order(2)
    void aPoorScoreWithTheCsrFlagRaisesBothTypesInOneEmailPerRecipient() throws Exception {
        ObjectNode body = contractExample("survey-poor-score.json");
        body.put("surveyId", "tel-e2e-poor-and-flagged");
        ObjectNode csr = body.putObject("csr");
        csr.put("needsAttention", true);
        csr.put("attentionReason", "Customer threatens to cancel");
        csr.put("lead", false);
        submit(body);

        assertRaisedAndMailed("tel-e2e-poor-and-flagged",
                new Expected(Set.of("POOR_SCORE", "NEGATIVE_FEEDBACK"), Set.of(MIA)));
        String text = textOf(single(mailFor(MIA, "tel-e2e-poor-and-flagged")));
        assertThat(text).contains("Poor score").contains("Negative feedback").contains("Customer threatens to cancel");
    }

    @Test
    @Order(3)
    void anUnknownTeamReachesTheFallbackContactRatherThanNobody() throws Exception {
        ObjectNode body = contractExample("survey-negative-feedback.json");
        body.put("surveyId", "tel-e2e-unknown-team");
        ((ObjectNode) body.get("agent")).put("team", "night-shift-nowhere");
        submit(body);

        assertRaisedAndMailed("tel-e2e-unknown-team", new Expected(Set.of("NEGATIVE_FEEDBACK"), Set.of(CX_DESK)));
    }

    @Test
    @Order(4)
    void aReplayedSurveyAndARedeliveredEventRaiseAndSendNothingMore() throws Exception {
        ObjectNode body = contractExample("survey-poor-score.json");
        String surveyId = body.get("surveyId").asText();
        // about this survey only: level-2 alerts about earlier tests' surveys may arrive meanwhile (after 45 s)
        int emailsBefore = aboutSurvey(surveyId);

        given().contentType("application/json").header("Authorization", "Bearer " + TelephonyPlatform.API_KEY).body(body.toString())
                .post(stack.url(Service.SURVEY_INTAKE) + "/api/v1/surveys")
                .then().statusCode(202).body("status", equalTo("ACCEPTED"));

        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(aboutSurvey(surveyId)).isEqualTo(emailsBefore);
            assertThat(escalationTypes(body.get("surveyId").asText())).containsExactly("POOR_SCORE");
        });
    }

    @Test
    @Order(5)
    void theTimelineRecordsEachDelivery() {
        String id = escalations("tel-example-lead").get(0).get("id").toString();
        await().atMost(ARRIVAL).untilAsserted(() -> {
            List<Map<String, Object>> timeline = asAdmin()
                    .get(stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations/" + id)
                    .then().statusCode(200).extract().jsonPath().getList("timeline");
            assertThat(timeline).extracting(entry -> entry.get("kind"))
                    .contains("RAISED", "NOTIFIED");
            assertThat(timeline).filteredOn(entry -> "NOTIFIED".equals(entry.get("kind")))
                    .extracting(entry -> entry.get("recipientEmail"))
                    .containsExactlyInAnyOrder(MIA, PRIYA);
        });
    }

    @Test
    @Order(6)
    void theAcknowledgeLinkInTheEmailAcknowledgesOnceAsTheRecipient() throws Exception {
        ObjectNode body = contractExample("survey-negative-feedback.json");
        body.put("surveyId", "tel-e2e-acknowledge");
        submit(body);
        assertRaisedAndMailed("tel-e2e-acknowledge", new Expected(Set.of("NEGATIVE_FEEDBACK"), Set.of(MIA)));

        Matcher link = ACKNOWLEDGE.matcher(textOf(single(mailFor(MIA, "tel-e2e-acknowledge"))));
        assertThat(link.find()).as("acknowledge link in the email").isTrue();
        String url = link.group(1);
        assertThat(url).startsWith(stack.url(Service.ESCALATION_ENGINE) + "/a/");
        String id = escalations("tel-e2e-acknowledge").get(0).get("id").toString();
        String escalation = stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations/" + id;

        given().get(url).then().statusCode(200).body(org.hamcrest.Matchers.containsString("<form id=\"acknowledge\""));
        asAdmin().get(escalation).then().statusCode(200).body("status", equalTo("OPEN"));
        Response tapped = given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post(url);
        tapped.then().statusCode(303);
        given().get(java.net.URI.create(url).resolve(tapped.header("Location")).toString())
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("Acknowledged by you at"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").post(url)
                .then().statusCode(303);

        asAdmin().get(escalation).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(MIA))
                .body("timeline.findAll { it.kind == 'ACKNOWLEDGED' }.actor", org.hamcrest.Matchers.contains(MIA));
    }

    @Test
    @Order(7)
    void nobodyAcknowledgingReachesLevelTwoEvenWhenTheEngineWasDownAtTheDeadline() throws Exception {
        ObjectNode ignored = contractExample("survey-poor-score.json");
        ignored.put("surveyId", "tel-e2e-nobody-acknowledges");
        ObjectNode handled = contractExample("survey-poor-score.json");
        handled.put("surveyId", "tel-e2e-acknowledged-in-time");
        submit(ignored);
        submit(handled);
        assertRaisedAndMailed("tel-e2e-nobody-acknowledges", new Expected(Set.of("POOR_SCORE"), Set.of(MIA)));
        assertRaisedAndMailed("tel-e2e-acknowledged-in-time", new Expected(Set.of("POOR_SCORE"), Set.of(MIA)));
        String handledId = escalations("tel-e2e-acknowledged-in-time").get(0).get("id").toString();
        String etag = asAdmin().get(stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations/" + handledId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().preemptive().basic(MIA, "closeloop-manager").header("If-Match", etag)
                .contentType("application/json").body("{}")
                .post(stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations/" + handledId + "/acknowledge")
                .then().statusCode(200);

        // the engine is down when level 1's 45 s (config/local/directory.yaml) run out, and comes back later
        stack.stop(Service.ESCALATION_ENGINE);
        long deadline = acceptedAtMillis.get("tel-e2e-nobody-acknowledges") + 50_000;
        await().atMost(Duration.ofSeconds(70)).until(() -> System.currentTimeMillis() > deadline);
        assertThat(mailFor(HANA, "tel-e2e-nobody-acknowledges")).isEmpty();
        stack.start(Service.ESCALATION_ENGINE);

        await().atMost(ARRIVAL).until(() -> !mailFor(HANA, "tel-e2e-nobody-acknowledges").isEmpty());
        String text = textOf(single(mailFor(HANA, "tel-e2e-nobody-acknowledges")));
        assertThat(text).contains("Poor score");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("level 2 gets its own recording link").isTrue();
        assertLinkPlaysTheRecording(link.group());
        String ignoredId = escalations("tel-e2e-nobody-acknowledges").get(0).get("id").toString();
        asAdmin().get(stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations/" + ignoredId)
                .then().statusCode(200)
                .body("timeline.kind", org.hamcrest.Matchers.hasItem("ESCALATED"))
                .body("timeline.findAll { it.kind == 'NOTIFIED' }.recipientEmail",
                        org.hamcrest.Matchers.hasItems(MIA, HANA));
        // the acknowledged one never goes further, however long we look
        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12))
                .until(() -> mailFor(HANA, "tel-e2e-acknowledged-in-time").isEmpty());
    }

    record Expected(Set<String> types, Set<String> recipients) {
    }

    private int aboutSurvey(String surveyId) throws Exception {
        int count = 0;
        for (MimeMessage message : stack.mailSink().received()) {
            if (textOf(message).contains(surveyId)) {
                count++;
            }
        }
        return count;
    }

    private void assertRaisedAndMailed(String surveyId, Expected expected) throws Exception {
        await().atMost(ARRIVAL).untilAsserted(() -> assertThat(escalationTypes(surveyId))
                .containsExactlyInAnyOrderElementsOf(expected.types()));

        for (String recipient : expected.recipients()) {
            await().atMost(ARRIVAL).until(() -> !mailFor(recipient, surveyId).isEmpty());
            long tookMillis = System.currentTimeMillis() - acceptedAtMillis.get(surveyId);
            // an upper bound: the surveys of one test are checked one after another
            System.out.printf("[e2e] %s → email to %s seen %d ms after the 202%n", surveyId, recipient, tookMillis);
        }
        // exactly one email per recipient, and nobody else hears of this survey
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Set<String> told = new TreeSet<>();
            for (MimeMessage message : stack.mailSink().received()) {
                if (textOf(message).contains(surveyId)) {
                    for (var to : message.getAllRecipients()) {
                        assertThat(told.add(to.toString())).as("second email for %s to %s", surveyId, to).isTrue();
                    }
                }
            }
            assertThat(told).containsExactlyInAnyOrderElementsOf(expected.recipients());
        });

        Set<String> links = new TreeSet<>();
        for (String recipient : expected.recipients()) {
            MimeMessage email = single(mailFor(recipient, surveyId));
            String text = textOf(email);
            for (String type : expected.types()) {
                assertThat(text).contains(label(type));
            }
            Matcher link = LINK.matcher(text);
            assertThat(link.find()).as("recording link in the email to %s", recipient).isTrue();
            links.add(link.group());
            assertLinkPlaysTheRecording(link.group());
        }
        assertThat(links).as("one link per recipient").hasSize(expected.recipients().size());
    }

    private void assertLinkPlaysTheRecording(String link) {
        given().get(link).then().statusCode(200).body(org.hamcrest.Matchers.containsString("<audio"));
        byte[] audio = given().get(link + "/audio").then().statusCode(200)
                .header("Accept-Ranges", "bytes").contentType("audio/wav")
                .extract().asByteArray();
        assertThat(audio).isEqualTo(recording);
        byte[] slice = given().header("Range", "bytes=100-199").get(link + "/audio")
                .then().statusCode(206).extract().asByteArray();
        assertThat(slice).isEqualTo(java.util.Arrays.copyOfRange(recording, 100, 200));
    }

    private static String label(String type) {
        switch (type) {
            case "POOR_SCORE":
                return "Poor score";
            case "NEGATIVE_FEEDBACK":
                return "Negative feedback";
            case "LEAD":
                return "Lead";
            default:
                return "All 5's";
        }
    }

    private void submit(ObjectNode body) {
        TelephonyPlatform.submit(stack, body);
        acceptedAtMillis.put(body.get("surveyId").asText(), System.currentTimeMillis());
    }

    private Response uploadRecording(String recordingId, byte[] bytes) {
        return TelephonyPlatform.uploadRecording(stack, recordingId, bytes);
    }

    private static ObjectNode contractExample(String file) throws IOException {
        return TelephonyPlatform.contractExample(repoRoot, file);
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    private List<Map<String, Object>> escalations(String surveyId) {
        return asAdmin().queryParam("surveyId", surveyId)
                .get(stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private List<String> escalationTypes(String surveyId) {
        List<String> types = new ArrayList<>();
        escalations(surveyId).forEach(item -> types.add(item.get("type").toString()));
        return types;
    }

    private List<MimeMessage> mailFor(String recipient, String surveyId) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : stack.mailSink().receivedBy(recipient)) {
            if (textOf(message).contains(surveyId)) {
                found.add(message);
            }
        }
        return found;
    }

    private static MimeMessage single(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** The plain-text part of an email (or its only part). */
    static String textOf(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = textOf(body);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
