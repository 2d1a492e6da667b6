package dev.closeloop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.LocalPostgres;
import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.Stack;
import dev.closeloop.localstack.StackConfig;
import dev.closeloop.localstack.demo.Wav;
import dev.closeloop.localstack.testing.push.FakePushService;
import dev.closeloop.localstack.testing.push.TestBrowser;
import dev.closeloop.localstack.testing.push.VapidToken;

/**
 * The manager console in a real browser (Debian's headless Chromium) against the packaged services: a manager
 * logs in, watches an escalation arrive without reloading, plays the call recording, acknowledges, and sees the
 * reports move, and is pushed the alert in a browser it subscribed. Each step leaves a screenshot in {@code target/screenshots} (the README's come from here).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static final String MIA = "mia.jones@acme.example";
    static final String MIA_PASSWORD = "closeloop-manager";
    /** Live means within a second or so of the change; this bound only keeps a broken test from hanging. */
    static final Duration LIVE = Duration.ofSeconds(15);
    /** Set on the page before a change: still there afterwards proves the page updated without reloading. */
    static final String MARKER = "window.closeloopNotReloaded = true;";
    static final String MARKED = "return window.closeloopNotReloaded === true;";

    /** Ids of this run, so a run against the data a previous one left behind sees only its own calls. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    static Stack stack;
    static Path repoRoot;
    static Path screenshots;
    static ChromeDriver browser;
    static String console;
    static String escalationId;

    @BeforeAll
    static void start() throws IOException {
        repoRoot = StackConfig.findRepoRoot(Path.of(""));
        Path scratch = Path.of(System.getProperty("closeloop.test.scratch", "target/test-scratch")).toAbsolutePath();
        stack = Stack.start(StackConfig.forTests(repoRoot, scratch.resolve("browser-stack")));
        console = stack.url(Service.ESCALATION_ENGINE) + "/console";
        screenshots = Path.of("target/screenshots").toAbsolutePath();
        browser = Chromium.start(Files.createTempDirectory(scratch, "chromium-profile-"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aManagerLogsInAndSeesANewEscalationArriveWithoutReloading() throws Exception {
        browser.get(console);
        assertThat(browser.getCurrentUrl()).as("no session: the login form").contains("/console/login");
        browser.findElement(By.id("username")).sendKeys(MIA);
        browser.findElement(By.id("password")).sendKeys(MIA_PASSWORD);
        browser.findElement(By.id("login")).click();
        await().atMost(LIVE).until(() -> browser.getCurrentUrl().endsWith("/console"));
        await().atMost(LIVE).until(() -> "live".equals(browser.findElement(By.id("live")).getAttribute("data-state")));
        browser.executeScript(MARKER);

        TelephonyPlatform.uploadRecording(stack, "rec-browser-" + RUN, Wav.tune(11, 3.0)).then().statusCode(201);
        ObjectNode survey = TelephonyPlatform.contractExample(repoRoot, "survey-negative-feedback.json");
        survey.put("surveyId", "tel-browser-negative-" + RUN);
        ((ObjectNode) survey.get("call")).put("recordingId", "rec-browser-" + RUN);
        TelephonyPlatform.submit(stack, survey);

        escalationId = await().atMost(LIVE).until(() -> escalationOf("tel-browser-negative-" + RUN),
                id -> id != null);
        By row = By.cssSelector("tr[data-escalation-id='" + escalationId + "']");
        await().atMost(LIVE).until(() -> !browser.findElements(row).isEmpty());
        assertThat((Boolean) browser.executeScript(MARKED)).as("the row arrived without a reload").isTrue();
        assertThat(browser.findElement(row).getAttribute("data-status")).isEqualTo("OPEN");
        assertThat(browser.findElement(row).getText()).contains("Negative feedback", "Sam Lee", "Dana Smith");
        Chromium.screenshot(browser, screenshots.resolve("console-feed.png"));
    }

    @Test
    @Order(2)
    void theRecordingPlaysOnTheEscalationPageAndAcknowledgingRecordsTheManager() throws Exception {
        // the feed may swap its rows in (a delivery just got recorded) between finding the link and clicking it
        await().atMost(LIVE).ignoreExceptions().until(() -> {
            browser.findElement(By.cssSelector("tr[data-escalation-id='" + escalationId + "'] a")).click();
            return true;
        });
        await().atMost(LIVE).until(() -> browser.getCurrentUrl().endsWith("/console/escalations/" + escalationId));
        assertThat(browser.findElement(By.id("scores")).getText()).contains("agent's technical ability? 2 / 5");
        assertThat(browser.findElement(By.id("customer-phone")).getText()).isEqualTo("+441632960001");

        // nothing is fetched before play (preload none): a page view alone must not read as "played"
        WebElement audio = browser.findElement(By.id("recording"));
        browser.executeScript("arguments[0].play();", audio);
        await().atMost(LIVE).until(() -> (Boolean) browser.executeScript(
                "return arguments[0].currentTime > 0.2 && arguments[0].duration > 2.9;", audio));
        browser.executeScript("arguments[0].pause();", audio);

        browser.findElement(By.id("acknowledge")).click();
        await().atMost(LIVE).until(() -> "ACKNOWLEDGED".equals(
                browser.findElement(By.id("status")).getAttribute("data-status")));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("Acknowledged");
        Map<String, Object> escalation = asMia().get(stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations/"
                + escalationId).then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(escalation).containsEntry("status", "ACKNOWLEDGED").containsEntry("acknowledgedBy", MIA);

        // playing the recording is on the timeline: it comes from the recording-service, live, without a reload
        browser.executeScript(MARKER);
        await().atMost(LIVE).until(() -> !browser.findElements(
                By.cssSelector("#timeline li[data-kind='RECORDING_ACCESSED']")).isEmpty());
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Acknowledged", MIA);
        Chromium.screenshot(browser, screenshots.resolve("console-escalation.png"));
    }

    @Test
    @Order(3)
    void theReportsCountAnAcknowledgementTheMomentItHappens() throws Exception {
        browser.get(console + "/reports");
        int acknowledged = metric("ack-count");
        assertThat(acknowledged).as("the acknowledgement of the previous step").isGreaterThanOrEqualTo(1);
        int total = metric("total");
        browser.executeScript(MARKER);

        ObjectNode survey = TelephonyPlatform.contractExample(repoRoot, "survey-poor-score.json");
        survey.put("surveyId", "tel-browser-poor-" + RUN);
        TelephonyPlatform.submit(stack, survey);
        await().atMost(LIVE).until(() -> metric("total") == total + 1);

        String poor = await().atMost(LIVE).until(() -> escalationOf("tel-browser-poor-" + RUN), id -> id != null);
        asMia().header("If-Match", "\"0\"").post(stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations/" + poor
                + "/acknowledge").then().statusCode(200);
        await().atMost(LIVE).until(() -> metric("ack-count") == acknowledged + 1);
        assertThat((Boolean) browser.executeScript(MARKED)).as("the figures moved without a reload").isTrue();
        assertThat(browser.findElement(By.id("by-team")).getText()).contains("Billing UK");
        Chromium.screenshot(browser, screenshots.resolve("console-reports.png"));
    }

    @Test
    @Order(4)
    void theRecognitionWallShowsAnAgentsAllFivesLive() throws Exception {
        browser.get(console + "/recognition");
        ObjectNode survey = TelephonyPlatform.contractExample(repoRoot, "survey-all-fives.json");
        String agent = survey.get("agent").get("id").asText();
        int before = allFives(agent);
        browser.executeScript(MARKER);
        survey.put("surveyId", "tel-browser-fives-" + RUN);
        TelephonyPlatform.submit(stack, survey);
        await().atMost(LIVE).until(() -> allFives(agent) == before + 1);
        assertThat((Boolean) browser.executeScript(MARKED)).isTrue();
        Chromium.screenshot(browser, screenshots.resolve("console-recognition.png"));
    }

    /** The agent's all-5's on the wall as shown now; 0 while they have no card. */
    private static int allFives(String agent) {
        List<WebElement> count = browser.findElements(
                By.cssSelector("#agents li[data-agent='" + agent + "'] [data-all-fives]"));
        return count.isEmpty() ? 0 : Integer.parseInt(count.get(0).getAttribute("data-all-fives"));
    }

    @Test
    @Order(5)
    void aBrowserTheManagerSubscribedIsPushedTheAlertEncryptedForItAndItsAcknowledgeWorks() throws Exception {
        try (FakePushService pushService = new FakePushService()) {
            // what the console's script does with the browser's PushSubscription, from the page, with its session
            // and CSRF token; the device's keys are the test's, so that it can decrypt what is pushed
            TestBrowser device = new TestBrowser();
            String endpoint = pushService.newEndpoint();
            browser.get(console);
            Object status = browser.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "var form = new URLSearchParams({'csrf-token': document.querySelector('input[name=csrf-token]')"
                    + ".value, endpoint: arguments[0], p256dh: arguments[1], auth: arguments[2]});"
                    + "fetch('/console/push/subscribe', {method: 'POST', body: form}).then(r => done(r.status));",
                    endpoint, device.p256dh(), device.auth());
            assertThat(((Number) status).intValue()).isEqualTo(204);
            await().atMost(LIVE).until(() -> notificationServiceKnows(endpoint));
            alertMiaByPushToo();

            ObjectNode survey = TelephonyPlatform.contractExample(repoRoot, "survey-negative-feedback.json");
            survey.put("surveyId", "tel-browser-push-" + RUN);
            TelephonyPlatform.submit(stack, survey);
            String id = await().atMost(LIVE).until(() -> escalationOf("tel-browser-push-" + RUN), e -> e != null);

            await().atMost(LIVE).until(() -> !pushService.receivedAt(endpoint).isEmpty());
            FakePushService.Received push = pushService.receivedAt(endpoint).get(0);
            assertThat(VapidToken.verify(push.header("Authorization")).isFor(endpoint)).isTrue();
            assertThat(push.header("Urgency")).as("negative feedback is urgent").isEqualTo("high");
            assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
            JsonNode alert = TelephonyPlatform.JSON.readTree(device.decrypt(push.body()));
            assertThat(alert.path("type").asText()).isEqualTo("NEGATIVE_FEEDBACK");
            assertThat(alert.path("escalationIds").toString()).contains(id);
            assertThat(alert.path("title").asText()).isNotBlank();

            // the console's service worker shows exactly that payload with its Open and Acknowledge buttons (a
            // headless browser has no push service of its own, so DevTools hands the worker the decrypted message)
            JsonNode shown = showInServiceWorker(new String(device.decrypt(push.body()), StandardCharsets.UTF_8));
            assertThat(shown.path("title").asText()).isEqualTo(alert.path("title").asText());
            assertThat(shown.path("actions").findValuesAsText("action")).containsExactly("open", "acknowledge");
            assertThat(shown.path("requireInteraction").asBoolean()).as("negative alerts stay until acted on")
                    .isTrue();
            assertThat(shown.path("tag").asText()).isEqualTo("tel-browser-push-" + RUN);

            // the notification's Acknowledge button: the service worker posts the alert's one-tap link
            given().redirects().follow(false).post(alert.path("acknowledgeUrl").asText()).then().statusCode(303);
            Map<String, Object> escalation = asMia().get(stack.url(Service.ESCALATION_ENGINE)
                    + "/api/v1/escalations/" + id).then().statusCode(200).extract().jsonPath().getMap("");
            assertThat(escalation).containsEntry("status", "ACKNOWLEDGED").containsEntry("acknowledgedBy", MIA);
            await().atMost(LIVE).until(() -> asMia().get(stack.url(Service.ESCALATION_ENGINE)
                    + "/api/v1/escalations/" + id).then().extract().jsonPath()
                    .<String>getList("timeline.findAll { it.kind == 'NOTIFIED' }.channel").contains("PUSH"));
        }
    }

    @Test
    @Order(6)
    void loggingOutEndsTheSession() {
        browser.get(console);
        browser.findElement(By.id("logout")).click();
        await().atMost(LIVE).until(() -> !browser.findElements(By.id("logged-out")).isEmpty());
        browser.get(console);
        assertThat(browser.getCurrentUrl()).contains("/console/login");
    }

    /**
     * Delivers a push message to the console's service worker through DevTools and answers the notification it
     * shows ({@code title}, {@code actions}, {@code requireInteraction}, {@code tag}). The console registers the
     * worker on every page when push is configured; in this fresh profile it is registration 0.
     */
    private static JsonNode showInServiceWorker(String message) throws Exception {
        String origin = stack.url(Service.ESCALATION_ENGINE).toString();
        browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
                "permissions", List.of("notifications")));
        browser.executeCdpCommand("ServiceWorker.enable", Map.of());
        await().atMost(LIVE).until(() -> (Boolean) browser.executeAsyncScript("var done = arguments[0];"
                + "navigator.serviceWorker.getRegistration('/console/').then(r => done(!!(r && r.active)));"));
        browser.executeCdpCommand("ServiceWorker.deliverPushMessage", Map.of("origin", origin,
                "registrationId", "0", "data", message));
        String notifications = await().atMost(LIVE).until(() -> (String) browser.executeAsyncScript(
                "var done = arguments[0]; navigator.serviceWorker.getRegistration('/console/')"
                        + ".then(r => r.getNotifications()).then(ns => done(JSON.stringify(ns.map(n => ({"
                        + "title: n.title, actions: n.actions, requireInteraction: n.requireInteraction,"
                        + " tag: n.tag})))));"), shown -> !shown.equals("[]"));
        return TelephonyPlatform.JSON.readTree(notifications).get(0);
    }

    /**
     * The demo directory alerts Mia by EMAIL and PUSH; a stack whose database was seeded before that (the seed
     * never overwrites a tenant's directory) gets it through the admin API, as an admin would turn push on.
     */
    private static void alertMiaByPushToo() throws Exception {
        String directory = stack.url(Service.ESCALATION_ENGINE) + "/api/v1/admin/directory";
        JsonNode document = TelephonyPlatform.JSON.readTree(asAdmin().get(directory).then().statusCode(200)
                .extract().asString());
        for (JsonNode manager : document.path("managers")) {
            if (manager.path("id").asText().equals("mia-jones")
                    && !manager.path("channels").toString().contains("PUSH")) {
                ObjectNode withPush = manager.deepCopy();
                withPush.putArray("channels").add("EMAIL").add("PUSH");
                asAdmin().contentType("application/json").body(withPush.toString())
                        .put(directory + "/managers/mia-jones").then().statusCode(200);
            }
        }
    }

    /** Whether the console's subscription reached the notification-service (it pushes only to those it has). */
    private static boolean notificationServiceKnows(String endpoint) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + stack.config().infraPorts().postgres() + "/notification";
        try (Connection db = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.PASSWORD);
                PreparedStatement query = db.prepareStatement("SELECT 1 FROM push_subscription WHERE endpoint = ?")) {
            query.setString(1, endpoint);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    private static int metric(String name) {
        return Integer.parseInt(browser.findElement(By.cssSelector("[data-metric='" + name + "']")).getText().strip());
    }

    private static String escalationOf(String surveyId) {
        List<String> ids = asMia().queryParam("surveyId", surveyId)
                .get(stack.url(Service.ESCALATION_ENGINE) + "/api/v1/escalations")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin@acme.example", "closeloop-admin");
    }

    private static io.restassured.specification.RequestSpecification asMia() {
        return given().auth().preemptive().basic(MIA, MIA_PASSWORD);
    }
}
