package dev.closeloop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.Service;
import dev.closeloop.localstack.Stack;
import dev.closeloop.localstack.StackConfig;
import dev.closeloop.localstack.demo.Wav;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Tenants stay apart, on the packaged services: tenant acme (A) and tenant globex (B) both hold data, with the SAME
 * recording id and survey id, and B's credentials are tried against every operation every service documents in its
 * OpenAPI document, and against the console, the live feeds and the acknowledge and recording links, which it does
 * not list. Each answer must be 404 (or the operation's answer about B's own data) and must not carry anything of
 * A's: customer, agent and manager names, emails, survey ids, escalation ids. An operation a service documents that
 * this matrix does not try fails the test, so a new endpoint cannot slip past. The matrix is printed as a table.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIsolationIT {

    static final String INTAKE = "survey-intake";
    static final String ENGINE = "escalation-engine";
    static final String RECORDINGS = "recording-service";
    static final String NOTIFICATIONS = "notification-service";
    static final String CONSOLE = "escalation-engine console";

    static final String A_KEY = TelephonyPlatform.API_KEY;
    static final String B_KEY = "globex-local-key";
    static final String A_ADMIN = SurveyToEmailIT.ADMIN;
    static final String A_ADMIN_PASSWORD = SurveyToEmailIT.ADMIN_PASSWORD;
    static final String B_ADMIN = "admin@globex.example";
    static final String B_ADMIN_PASSWORD = "globex-admin";
    static final String MIA = SurveyToEmailIT.MIA;
    static final String GUS = "gus.grant@globex.example";
    static final String B_CALLER = "globex";

    static final Duration ARRIVAL = SurveyToEmailIT.ARRIVAL;
    static final Pattern RECORDING_LINK = Pattern.compile("https?://[^\\s\"<>]+/r/([A-Za-z0-9_-]+)");
    static final Pattern ACKNOWLEDGE_LINK = Pattern.compile("Acknowledge: https?://\\S+/a/([A-Za-z0-9_.-]+)");
    static final Pattern AUDIO_SRC = Pattern.compile("<audio[^>]* src=\"([^\"]+)\"");
    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** Ids of this run: the scratch home keeps earlier runs' data. */
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final String SHARED_RECORDING = "rec-iso-" + RUN;
    static final String A_ONLY_RECORDING = "rec-iso-a-" + RUN;
    static final String SHARED_SURVEY = "tel-iso-" + RUN;
    static final String A_ONLY_SURVEY = "tel-iso-a-" + RUN;
    static final String B_ONLY_SURVEY = "tel-iso-b-" + RUN;

    static Stack stack;
    static StackConfig config;
    static Path repoRoot;
    static byte[] audioA;
    static byte[] audioB;

    /** A's escalations of this run: the shared survey's poor score, the A-only survey's negative feedback. */
    static String aShared;
    static String aOnly;
    static String bShared;
    static String bOnly;
    static String aRecordingToken;
    static String bRecordingToken;
    static String aAcknowledgeToken;
    static String bAcknowledgeToken;
    static ConsoleLogin bConsole;

    /** What identifies tenant A: none of it may reach B, unless B put it in its own request. */
    static final Set<String> aMarkers = new LinkedHashSet<>();
    /** What identifies tenant B, for links of A that must not serve B's data. */
    static final Set<String> bMarkers = new LinkedHashSet<>(List.of("globex", "Globex", "Greta Weber",
            "greta.weber", "Gerd Lang", "gus.grant", "Gus Grant", "Helpdesk"));
    static final List<Row> rows = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startTheSuite() {
        repoRoot = StackConfig.findRepoRoot(Path.of(""));
        Path home = Path.of(System.getProperty("closeloop.test.scratch", "target/test-scratch"), "isolation-stack")
                .toAbsolutePath();
        config = StackConfig.forTests(repoRoot, home);
        stack = Stack.start(config);
        audioA = Wav.tune(21, 1.5);
        audioB = Wav.tune(42, 1.0);
        aMarkers.addAll(List.of("acme", "Acme Energy", "Mia Jones", "mia.jones", "Carlos Ruiz", "carlos.ruiz",
                "Hana Sato", "hana.sato", "Priya Shah", "priya.shah", "Noah Brooks", "CX Desk", "cx-desk@",
                "Dana Smith", "dana.smith", "CUST-991", "Sam Lee", "Billing UK", "Manchester contact centre",
                A_ONLY_SURVEY, A_ONLY_RECORDING, sha256(audioA)));
    }

    @AfterAll
    static void stopTheSuite() {
        printMatrix();
        if (bConsole != null) {
            bConsole.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void bothTenantsHoldTheSameRecordingAndSurveyIdsEachAsTheirOwn() throws Exception {
        TelephonyPlatform.uploadRecording(stack, SHARED_RECORDING, audioA, A_KEY).then().statusCode(201);
        TelephonyPlatform.uploadRecording(stack, A_ONLY_RECORDING, audioA, A_KEY).then().statusCode(201);
        // A holds this id already: B uploading under it is B's first upload (201), not a conflict that would tell
        Response upload = TelephonyPlatform.uploadRecording(stack, SHARED_RECORDING, audioB, B_KEY);
        SoftAssertions soft = new SoftAssertions();
        record(soft, RECORDINGS, "PUT", "/api/v1/recordings/{recordingId}", "B uploads under A's recording id",
                "PUT /api/v1/recordings/" + SHARED_RECORDING, upload, 201);
        soft.assertThat(upload.jsonPath().getString("sha256")).isEqualTo(sha256(audioB));

        ObjectNode aShared = survey("survey-poor-score.json", SHARED_SURVEY, SHARED_RECORDING);
        ObjectNode aOnly = survey("survey-negative-feedback.json", A_ONLY_SURVEY, A_ONLY_RECORDING);
        TelephonyPlatform.submit(stack, aShared, A_KEY, "acme");
        TelephonyPlatform.submit(stack, aOnly, A_KEY, "acme");
        // the same survey id for B, about B's customer and B's agent team (helpdesk in its directory)
        ObjectNode bShared = globexSurvey("survey-poor-score.json", SHARED_SURVEY);
        ObjectNode bOnly = globexSurvey("survey-negative-feedback.json", B_ONLY_SURVEY);
        Response posted = given().contentType("application/json").header("Authorization", "Bearer " + B_KEY)
                .body(bShared.toString()).post(stack.url(Service.SURVEY_INTAKE) + "/api/v1/surveys");
        record(soft, INTAKE, "POST", "/api/v1/surveys", "B posts under A's survey id", "POST /api/v1/surveys "
                + bShared, posted, 202);
        soft.assertThat(posted.jsonPath().getString("tenant")).isEqualTo("globex");
        TelephonyPlatform.submit(stack, bOnly, B_KEY, "globex");

        TenantIsolationIT.aShared = escalationOf(A_ADMIN, A_ADMIN_PASSWORD, SHARED_SURVEY);
        TenantIsolationIT.aOnly = escalationOf(A_ADMIN, A_ADMIN_PASSWORD, A_ONLY_SURVEY);
        TenantIsolationIT.bShared = escalationOf(B_ADMIN, B_ADMIN_PASSWORD, SHARED_SURVEY);
        TenantIsolationIT.bOnly = escalationOf(B_ADMIN, B_ADMIN_PASSWORD, B_ONLY_SURVEY);
        aMarkers.add(TenantIsolationIT.aShared);
        aMarkers.add(TenantIsolationIT.aOnly);

        // each manager's email about the shared survey: the links of each tenant
        String aText = await().atMost(ARRIVAL).until(() -> mailAbout(MIA, SHARED_SURVEY), text -> text != null);
        String bText = await().atMost(ARRIVAL).until(() -> mailAbout(GUS, SHARED_SURVEY), text -> text != null);
        aRecordingToken = group(RECORDING_LINK, aText, "recording link in A's email");
        bRecordingToken = group(RECORDING_LINK, bText, "recording link in B's email");
        aAcknowledgeToken = group(ACKNOWLEDGE_LINK, aText, "acknowledge link in A's email");
        bAcknowledgeToken = group(ACKNOWLEDGE_LINK, bText, "acknowledge link in B's email");
        assertThat(bText).doesNotContain("Dana Smith", "Sam Lee", "Mia Jones");
        soft.assertAll();
    }

    @Test
    @Order(2)
    void everyOperationEachServiceDocumentsAnswersTenantBNothingOfTenantA() {
        Map<String, Map<String, Runnable>> matrix = new LinkedHashMap<>();
        SoftAssertions soft = new SoftAssertions();
        bConsole = ConsoleLogin.logIn(B_ADMIN, B_ADMIN_PASSWORD);
        // the markers are what A's own answers carry: a leak would show them
        assertThat(asA().get(engine("/api/v1/escalations/" + aShared)).asString())
                .contains("Dana Smith", "dana.smith", "Sam Lee", "mia.jones", "Mia Jones", SHARED_SURVEY, "acme");
        String aVersionOfDirectory = directoryETag(A_ADMIN, A_ADMIN_PASSWORD);

        matrix.put(INTAKE, intakeProbes(soft));
        matrix.put(RECORDINGS, recordingProbes(soft));
        matrix.put(ENGINE, engineProbes(soft));
        matrix.put(NOTIFICATIONS, new LinkedHashMap<>());

        for (Map.Entry<String, Map<String, Runnable>> service : matrix.entrySet()) {
            Set<String> documented = documentedOperations(service.getKey());
            Set<String> tried = service.getValue().keySet();
            soft.assertThat(tried).as("%s: every operation its OpenAPI document lists is in the matrix",
                    service.getKey()).containsAll(documented);
            soft.assertThat(documented).as("%s: the matrix tries only operations the service documents",
                    service.getKey()).containsAll(tried);
            System.out.printf("[isolation] %s documents %d operations: %s%n", service.getKey(), documented.size(),
                    documented);
            for (Map.Entry<String, Runnable> probe : service.getValue().entrySet()) {
                try {
                    probe.getValue().run();
                } catch (RuntimeException | AssertionError e) {
                    soft.fail(service.getKey() + " " + probe.getKey() + " could not be tried: " + e);
                }
            }
        }

        // and nothing B tried changed anything of A's
        soft.assertThat(directoryETag(A_ADMIN, A_ADMIN_PASSWORD)).as("A's directory version").isEqualTo(aVersionOfDirectory);
        for (String id : List.of(aShared, aOnly)) {
            JsonNode escalation = json(asA().get(engine("/api/v1/escalations/" + id)).then().statusCode(200)
                    .extract().asString());
            for (JsonNode entry : escalation.get("timeline")) {
                soft.assertThat(entry.path("actor").asText()).as("an entry on A's timeline by B").doesNotContain("globex");
            }
        }
        soft.assertAll();
    }

    @Test
    @Order(3)
    void theConsoleShowsTenantBNothingOfTenantA() {
        SoftAssertions soft = new SoftAssertions();
        ConsoleLogin b = bConsole;
        for (String path : List.of("/console", "/console?team=billing-uk&site=manchester&period=DAY",
                "/console/rows", "/console/rows?team=billing-uk&site=manchester", "/console/reports",
                "/console/reports/live?period=WEEK", "/console/recognition", "/console/recognition/live")) {
            String template = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            record(soft, CONSOLE, "GET", template, B_CALLER, "GET " + path, b.get(path), 200);
        }
        for (String id : List.of(aShared, aOnly)) {
            record(soft, CONSOLE, "GET", "/console/escalations/{id}", B_CALLER, "GET A's escalation " + id,
                    b.get("/console/escalations/" + id), 404);
            record(soft, CONSOLE, "GET", "/console/escalations/{id}/live", B_CALLER, "GET A's escalation " + id,
                    b.get("/console/escalations/" + id + "/live"), 404);
            String version = asA().get(engine("/api/v1/escalations/" + id)).header("ETag").replace("\"", "");
            Map<String, Map<String, String>> actions = new LinkedHashMap<>();
            actions.put("acknowledge", Map.of("note", "globex was here"));
            actions.put("customer-contacted", Map.of("note", "globex was here"));
            actions.put("resolve", Map.of("outcome", "NO_ACTION_NEEDED"));
            actions.put("notes", Map.of("text", "globex was here"));
            actions.put("reassign", Map.of("managerId", "gus-grant"));
            for (Map.Entry<String, Map<String, String>> action : actions.entrySet()) {
                Map<String, String> form = new LinkedHashMap<>(action.getValue());
                // B even knows A's current version and holds a valid CSRF token of its own session
                form.put("version", version);
                form.put("csrf-token", b.csrfToken);
                record(soft, CONSOLE, "POST", "/console/escalations/{id}/" + action.getKey(), B_CALLER,
                        "POST A's escalation " + id + " " + form,
                        b.post("/console/escalations/" + id + "/" + action.getKey(), form), 404);
            }
        }
        // a recording link the console mints for B's escalation of the shared recording id plays B's bytes
        String page = b.get("/console/escalations/" + bShared).then().statusCode(200).extract().asString();
        Matcher audio = AUDIO_SRC.matcher(page);
        soft.assertThat(audio.find()).as("a recording player on B's escalation page").isTrue();
        if (audio.find(0)) {
            byte[] bytes = given().get(audio.group(1).replace("&amp;", "&")).then().statusCode(200).extract().asByteArray();
            rows.add(new Row(RECORDINGS, "GET", "/r/{token}/audio", "B's console link", 200,
                    Boolean.toString(java.util.Arrays.equals(bytes, audioB)), "B's bytes of " + SHARED_RECORDING));
            soft.assertThat(bytes).as("B's console link plays B's recording, not A's of the same id").isEqualTo(audioB);
        }
        soft.assertAll();
    }

    // ---------------------------------------------------------------- survey-intake

    private Map<String, Runnable> intakeProbes(SoftAssertions soft) {
        Map<String, Runnable> probes = new LinkedHashMap<>();
        probes.put("POST /api/v1/surveys", () -> {
            ObjectNode again = globexSurvey("survey-poor-score.json", SHARED_SURVEY);
            Response r = given().contentType("application/json").header("Authorization", "Bearer " + B_KEY)
                    .body(again.toString()).post(intake("/api/v1/surveys"));
            record(soft, INTAKE, "POST", "/api/v1/surveys", B_CALLER, "POST (again) " + again, r, 202);
        });
        probes.put("GET /api/v1/surveys/{surveyId}", () -> {
            record(soft, INTAKE, "GET", "/api/v1/surveys/{surveyId}", B_CALLER, "GET " + A_ONLY_SURVEY,
                    withKey(B_KEY).get(intake("/api/v1/surveys/" + A_ONLY_SURVEY)), 404);
            Response shared = withKey(B_KEY).get(intake("/api/v1/surveys/" + SHARED_SURVEY));
            record(soft, INTAKE, "GET", "/api/v1/surveys/{surveyId}", B_CALLER, "GET the shared " + SHARED_SURVEY,
                    shared, 200);
            soft.assertThat(shared.asString()).as("B's own survey of the shared id").contains("Greta Weber");
        });
        return probes;
    }

    // ---------------------------------------------------------------- recording-service

    private Map<String, Runnable> recordingProbes(SoftAssertions soft) {
        Map<String, Runnable> probes = new LinkedHashMap<>();
        probes.put("PUT /api/v1/recordings/{recordingId}", () -> {
            Response r = TelephonyPlatform.uploadRecording(stack, SHARED_RECORDING, audioB, B_KEY);
            record(soft, RECORDINGS, "PUT", "/api/v1/recordings/{recordingId}", B_CALLER,
                    "PUT (again, B's bytes) " + SHARED_RECORDING, r, 200);
        });
        probes.put("GET /api/v1/recordings/{recordingId}", () -> {
            record(soft, RECORDINGS, "GET", "/api/v1/recordings/{recordingId}", B_CALLER, "GET " + A_ONLY_RECORDING,
                    withKey(B_KEY).get(recordings("/api/v1/recordings/" + A_ONLY_RECORDING)), 404);
            Response shared = withKey(B_KEY).get(recordings("/api/v1/recordings/" + SHARED_RECORDING));
            record(soft, RECORDINGS, "GET", "/api/v1/recordings/{recordingId}", B_CALLER,
                    "GET the shared " + SHARED_RECORDING, shared, 200);
            soft.assertThat(shared.jsonPath().getString("sha256")).isEqualTo(sha256(audioB));
        });
        probes.put("POST /internal/v1/tenants/{tenant}/recordings/{recordingId}/links", () -> {
            String body = "{\"viewerEmail\":\"gus.grant@globex.example\",\"viewerName\":\"Gus Grant\","
                    + "\"surveyId\":\"" + SHARED_SURVEY + "\",\"escalationIds\":[\"" + aShared + "\"]}";
            Response r = withKey(B_KEY).contentType("application/json").body(body)
                    .post(recordings("/internal/v1/tenants/acme/recordings/" + SHARED_RECORDING + "/links"));
            record(soft, RECORDINGS, "POST", "/internal/v1/tenants/{tenant}/recordings/{recordingId}/links",
                    "globex API key", "mint a link to acme's " + SHARED_RECORDING + " " + body, r, 401);
        });
        probes.put("POST /internal/v1/tenants/{tenant}/escalations/{escalationId}/links/revoke", () -> {
            Response r = withKey(B_KEY).contentType("application/json").body("{\"revokedBy\":\"globex\"}")
                    .post(recordings("/internal/v1/tenants/acme/escalations/" + aShared + "/links/revoke"));
            record(soft, RECORDINGS, "POST",
                    "/internal/v1/tenants/{tenant}/escalations/{escalationId}/links/revoke", "globex API key",
                    "revoke acme's links of " + aShared, r, 401);
        });
        probes.put("GET /r/{token}", () -> {
            Response a = given().get(recordings("/r/" + aRecordingToken));
            recordAgainst(soft, RECORDINGS, "GET", "/r/{token}", "A's link", "", a, bMarkers, 200);
            soft.assertThat(a.asString()).contains("Sam Lee");
            Response b = given().get(recordings("/r/" + bRecordingToken));
            record(soft, RECORDINGS, "GET", "/r/{token}", "B's link", "", b, 200);
            record(soft, RECORDINGS, "GET", "/r/{token}", "B's link, tampered", "",
                    given().get(recordings("/r/" + tamper(bRecordingToken))), 404);
        });
        probes.put("GET /r/{token}/audio", () -> {
            byte[] a = given().get(recordings("/r/" + aRecordingToken + "/audio")).then().extract().asByteArray();
            rows.add(new Row(RECORDINGS, "GET", "/r/{token}/audio", "A's link", 200,
                    Boolean.toString(java.util.Arrays.equals(a, audioA)), "A's bytes of " + SHARED_RECORDING));
            soft.assertThat(a).as("A's link to %s plays A's recording, never B's of the same id", SHARED_RECORDING)
                    .isEqualTo(audioA);
            byte[] b = given().get(recordings("/r/" + bRecordingToken + "/audio")).then().extract().asByteArray();
            rows.add(new Row(RECORDINGS, "GET", "/r/{token}/audio", "B's link", 200,
                    Boolean.toString(java.util.Arrays.equals(b, audioB)), "B's bytes of " + SHARED_RECORDING));
            soft.assertThat(b).as("B's link to %s plays B's recording, never A's", SHARED_RECORDING).isEqualTo(audioB);
            record(soft, RECORDINGS, "GET", "/r/{token}/audio", "B's link, tampered", "",
                    given().get(recordings("/r/" + tamper(bRecordingToken) + "/audio")), 404);
        });
        return probes;
    }

    // ---------------------------------------------------------------- escalation-engine

    private Map<String, Runnable> engineProbes(SoftAssertions soft) {
        Map<String, Runnable> probes = new LinkedHashMap<>();
        probes.put("GET /api/v1/escalations", () -> {
            for (String query : List.of("", "?surveyId=" + A_ONLY_SURVEY, "?surveyId=" + SHARED_SURVEY,
                    "?team=billing-uk", "?site=manchester", "?type=POOR_SCORE&size=200")) {
                Response r = asB().get(engine("/api/v1/escalations" + query));
                record(soft, ENGINE, "GET", "/api/v1/escalations", B_CALLER, "GET " + query, r, 200);
                soft.assertThat(r.jsonPath().getList("items.tenant", String.class)).as("tenants listed for %s", query)
                        .allMatch("globex"::equals);
            }
            for (String query : List.of("?surveyId=" + A_ONLY_SURVEY, "?team=billing-uk", "?site=manchester")) {
                soft.assertThat(asB().get(engine("/api/v1/escalations" + query)).jsonPath().getInt("total"))
                        .as("B's escalations for A's %s", query).isZero();
            }
            soft.assertThat(asB().get(engine("/api/v1/escalations?surveyId=" + SHARED_SURVEY)).jsonPath()
                    .getList("items.id", String.class)).as("B's escalations of the shared survey id").containsExactly(bShared);
        });
        probes.put("GET /api/v1/escalations/{id}", () -> {
            for (String id : List.of(aShared, aOnly)) {
                record(soft, ENGINE, "GET", "/api/v1/escalations/{id}", B_CALLER, "GET A's " + id,
                        asB().get(engine("/api/v1/escalations/" + id)), 404);
            }
        });
        probes.put("POST /api/v1/escalations/{id}/recording-links/revoke", () -> {
            for (String id : List.of(aShared, aOnly)) {
                record(soft, ENGINE, "POST", "/api/v1/escalations/{id}/recording-links/revoke", B_CALLER,
                        "revoke A's links of " + id,
                        asB().post(engine("/api/v1/escalations/" + id + "/recording-links/revoke")), 404);
            }
        });
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("acknowledge", "{\"note\":\"globex was here\"}");
        changes.put("customer-contacted", "{\"note\":\"globex was here\"}");
        changes.put("resolve", "{\"outcome\":\"NO_ACTION_NEEDED\"}");
        changes.put("notes", "{\"text\":\"globex was here\"}");
        changes.put("reassign", "{\"managerId\":\"gus-grant\"}");
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String template = "/api/v1/escalations/{id}/" + change.getKey();
            probes.put("POST " + template, () -> {
                for (String id : List.of(aShared, aOnly)) {
                    // with A's current version, as if B had guessed it
                    String etag = asA().get(engine("/api/v1/escalations/" + id)).header("ETag");
                    Response r = asB().header("If-Match", etag).contentType("application/json").body(change.getValue())
                            .post(engine("/api/v1/escalations/" + id + "/" + change.getKey()));
                    record(soft, ENGINE, "POST", template, B_CALLER, "POST A's " + id + " " + change.getValue(), r, 404);
                }
            });
        }
        probes.put("GET /api/v1/escalations/feed", () -> feeds(soft));
        for (String report : List.of("summary", "recognition", "counts.csv")) {
            String template = "/api/v1/reports/" + report;
            probes.put("GET " + template, () -> {
                List<String> queries = new ArrayList<>(List.of("", "?team=billing-uk", "?site=manchester"));
                if (report.equals("counts.csv")) {
                    queries = List.of("?by=team", "?by=site", "?by=agent", "?by=day", "?by=team&team=billing-uk");
                }
                for (String query : queries) {
                    record(soft, ENGINE, "GET", template, B_CALLER, "GET " + query,
                            asB().get(engine(template + query)), 200);
                }
            });
        }
        probes.put("GET /api/v1/admin/directory", () -> {
            record(soft, ENGINE, "GET", "/api/v1/admin/directory", B_CALLER, "GET (JSON)",
                    asB().accept("application/json").get(engine("/api/v1/admin/directory")), 200);
            record(soft, ENGINE, "GET", "/api/v1/admin/directory", B_CALLER, "GET (YAML)",
                    asB().accept("application/yaml").get(engine("/api/v1/admin/directory")), 200);
        });
        probes.put("PUT /api/v1/admin/directory", () -> {
            // B re-imports its own export: what comes back is B's directory, and A's is untouched (checked after)
            for (String type : List.of("application/json", "application/yaml")) {
                String own = asB().accept(type).get(engine("/api/v1/admin/directory")).then().statusCode(200)
                        .extract().asString();
                record(soft, ENGINE, "PUT", "/api/v1/admin/directory", B_CALLER, "PUT own export " + type,
                        asB().accept(type).contentType(type).body(own.getBytes(StandardCharsets.UTF_8)).put(engine("/api/v1/admin/directory")), 200);
            }
        });
        probes.put("GET /api/v1/admin/directory/history", () -> record(soft, ENGINE, "GET",
                "/api/v1/admin/directory/history", B_CALLER, "GET", asB().get(engine("/api/v1/admin/directory/history")),
                200));
        directoryPartProbes(soft, probes);
        probes.put("POST /api/v1/admin/routing/preview", () -> {
            // B's customer and agent, but A's team and site ids: routed by B's directory alone
            ObjectNode survey = globexSurvey("survey-poor-score.json", "tel-iso-preview-" + RUN);
            ((ObjectNode) survey.get("agent")).put("team", "billing-uk").put("site", "manchester");
            Response r = asB().contentType("application/json").body(survey.toString())
                    .post(engine("/api/v1/admin/routing/preview"));
            record(soft, ENGINE, "POST", "/api/v1/admin/routing/preview", B_CALLER, "POST " + survey, r, 200);
        });
        probes.put("GET /a/{token}", () -> {
            for (Map.Entry<String, String> forged : forgedAcknowledgeTokens().entrySet()) {
                record(soft, ENGINE, "GET", "/a/{token}", forged.getKey(), "",
                        given().get(engine("/a/" + forged.getValue())), 404);
            }
            record(soft, ENGINE, "GET", "/a/{token}", "B's link", "", given().get(engine("/a/" + bAcknowledgeToken)), 200);
            recordAgainst(soft, ENGINE, "GET", "/a/{token}", "A's link", "",
                    given().get(engine("/a/" + aAcknowledgeToken)), bMarkers, 200);
        });
        probes.put("POST /a/{token}", () -> {
            for (Map.Entry<String, String> forged : forgedAcknowledgeTokens().entrySet()) {
                record(soft, ENGINE, "POST", "/a/{token}", forged.getKey(), "",
                        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                                .post(engine("/a/" + forged.getValue())), 404);
            }
            asA().get(engine("/api/v1/escalations/" + aShared)).then().body("status",
                    org.hamcrest.Matchers.equalTo("OPEN"));
            record(soft, ENGINE, "POST", "/a/{token}", "B's link", "", given().redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").post(engine("/a/" + bAcknowledgeToken)), 303);
        });
        return probes;
    }

    /**
     * A's parts by id, as B: removing one B does not have is 404; "adding" one adds it to B's own directory (the
     * answer is B's directory), then it is removed again. A's directory version is checked after the matrix.
     */
    private void directoryPartProbes(SoftAssertions soft, Map<String, Runnable> probes) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("rules/unhappy-customers", "{\"id\":\"unhappy-customers\",\"match\":{\"types\":[\"LEAD\"]},"
                + "\"levels\":[{\"managers\":[\"globex-desk\"]}]}");
        parts.put("teams/billing-uk", "{\"id\":\"billing-uk\",\"name\":\"Globex billing\",\"site\":\"berlin\","
                + "\"managers\":[\"gus-grant\"]}");
        parts.put("managers/mia-jones", "{\"id\":\"mia-jones\",\"name\":\"Gus Second\",\"email\":"
                + "\"gus.second@globex.example\",\"timeZone\":\"Europe/Berlin\",\"site\":\"berlin\"}");
        parts.put("sites/manchester", "{\"id\":\"manchester\",\"name\":\"Berlin annex\",\"timeZone\":\"Europe/Berlin\","
                + "\"businessHours\":{\"monday\":[\"09:00-17:00\"]}}");
        for (String kind : List.of("sites", "managers", "teams", "rules")) {
            String template = "/api/v1/admin/directory/" + kind + "/{id}";
            String part = parts.keySet().stream().filter(p -> p.startsWith(kind + "/")).findFirst().orElseThrow();
            probes.put("DELETE " + template, () -> {
                // what a run that stopped half-way may have left in B's directory
                for (String leftover : parts.keySet()) {
                    asB().delete(engine("/api/v1/admin/directory/" + leftover));
                }
                record(soft, ENGINE, "DELETE", template, B_CALLER, "DELETE A's " + part,
                        asB().delete(engine("/api/v1/admin/directory/" + part)), 404);
            });
            probes.put("PUT " + template, () -> {
                // parts refer to each other: add them in an order the directory accepts, answer for this one
                List<String> order = List.of("sites/manchester", "managers/mia-jones", "teams/billing-uk",
                        "rules/unhappy-customers");
                for (String p : order) {
                    Response r = asB().contentType("application/json").body(parts.get(p))
                            .put(engine("/api/v1/admin/directory/" + p));
                    if (p.equals(part)) {
                        record(soft, ENGINE, "PUT", template, B_CALLER, "PUT (as B's own) A's " + part + " "
                                + parts.get(p), r, 200);
                    }
                }
                for (int i = order.size() - 1; i >= 0; i--) {
                    asB().delete(engine("/api/v1/admin/directory/" + order.get(i)));
                }
                soft.assertThat(asB().get(engine("/api/v1/admin/directory")).asString()).as("B's directory put back")
                        .doesNotContain("billing-uk", "mia-jones", "unhappy-customers", "manchester");
            });
        }
    }

    /**
     * Both live feeds of B (the API's and the console's) and one of A, while both tenants' escalations change: B
     * first proves its streams are subscribed (its own change arrives), then A changes its escalations, then B
     * changes its own again. Events come in commit order, so once B's second change has arrived, any of A's would
     * have arrived before it.
     */
    private void feeds(SoftAssertions soft) {
        try (SseTap bApi = SseTap.open(HttpRequest.newBuilder(URI.create(engine("/api/v1/escalations/feed")))
                .header("Accept", "text/event-stream").header("Authorization", basic(B_ADMIN, B_ADMIN_PASSWORD)));
                SseTap bConsoleFeed = SseTap.open(HttpRequest.newBuilder(URI.create(engine("/console/feed")))
                        .header("Accept", "text/event-stream").header("Cookie", bConsole.cookies()));
                SseTap aApi = SseTap.open(HttpRequest.newBuilder(URI.create(engine("/api/v1/escalations/feed")))
                        .header("Accept", "text/event-stream").header("Authorization", basic(A_ADMIN, A_ADMIN_PASSWORD)))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                if (bApi.saw(bOnly, "NOTE_ADDED") && bConsoleFeed.saw(bOnly, "NOTE_ADDED")
                        && aApi.saw(aOnly, "NOTE_ADDED")) {
                    return true;
                }
                change(B_ADMIN, B_ADMIN_PASSWORD, bOnly, "notes", "{\"text\":\"B is listening\"}");
                change(A_ADMIN, A_ADMIN_PASSWORD, aOnly, "notes", "{\"text\":\"A is listening\"}");
                return false;
            });
            int bApiSeen = bApi.count(bOnly, "NOTE_ADDED");
            int bConsoleSeen = bConsoleFeed.count(bOnly, "NOTE_ADDED");
            change(A_ADMIN, A_ADMIN_PASSWORD, aShared, "notes", "{\"text\":\"only acme hears of this\"}");
            change(A_ADMIN, A_ADMIN_PASSWORD, aOnly, "acknowledge", "{}");
            change(B_ADMIN, B_ADMIN_PASSWORD, bOnly, "notes", "{\"text\":\"after acme's changes\"}");
            await().atMost(Duration.ofSeconds(30)).until(() -> bApi.count(bOnly, "NOTE_ADDED") > bApiSeen
                    && bConsoleFeed.count(bOnly, "NOTE_ADDED") > bConsoleSeen
                    && aApi.saw(aShared, "NOTE_ADDED") && aApi.saw(aOnly, "ACKNOWLEDGED"));
            recordStream(soft, ENGINE, "/api/v1/escalations/feed", bApi);
            recordStream(soft, CONSOLE, "/console/feed", bConsoleFeed);
        }
    }

    private static void recordStream(SoftAssertions soft, String service, String path, SseTap tap) {
        String text = String.join("\n", tap.lines);
        List<String> leaks = leaks(text, "", aMarkers);
        rows.add(new Row(service, "GET", path, B_CALLER, tap.status(), leaks.isEmpty() ? "ok" : "LEAK " + leaks,
                "SSE while A's escalations changed (" + tap.lines.stream().filter(l -> l.startsWith("data:")).count()
                        + " events)"));
        soft.assertThat(tap.status()).as("%s status", path).isEqualTo(200);
        soft.assertThat(leaks).as("%s carried A's data", path).isEmpty();
    }

    /**
     * Acknowledge tokens that must open nothing: genuinely signed (the stack's key) for B's tenant naming A's
     * escalation, for A's tenant naming A's escalation but B's manager, and B's real link with A's escalation id
     * swapped in without signing again.
     */
    private Map<String, String> forgedAcknowledgeTokens() {
        String secret = config.environment(Service.ESCALATION_ENGINE).get("CLOSELOOP_ACTION_LINKS_SECRET");
        ActionToken real = ActionToken.decode(bAcknowledgeToken);
        assertThat(real.sign(secret)).as("the test signs acknowledge links as the engine does").isEqualTo(bAcknowledgeToken);
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("signed link: globex, A's escalation",
                new ActionToken(real.action, "globex", UUID.fromString(aShared), real.managerId, real.email,
                        real.expiresAt).sign(secret));
        forged.put("signed link: acme, A's escalation, B's manager",
                new ActionToken(real.action, "acme", UUID.fromString(aShared), real.managerId, real.email,
                        real.expiresAt).sign(secret));
        String[] parts = bAcknowledgeToken.split("\\.");
        forged.put("B's link, A's escalation swapped in",
                Base64.getUrlEncoder().withoutPadding().encodeToString(new ActionToken(real.action, real.tenant,
                        UUID.fromString(aShared), real.managerId, real.email, real.expiresAt).payload())
                        + "." + parts[1]);
        return forged;
    }

    // ---------------------------------------------------------------- the matrix

    record Row(String service, String method, String path, String caller, int status, String verdict, String what) {
    }

    private static void record(SoftAssertions soft, String service, String method, String template, String caller,
            String request, Response response, int expected) {
        recordAgainst(soft, service, method, template, caller, request, response, aMarkers, expected);
    }

    /** One cell of the matrix: the status, and that the answer (headers and body) holds none of the markers. */
    private static void recordAgainst(SoftAssertions soft, String service, String method, String template,
            String caller, String request, Response response, Set<String> markers, int expected) {
        String answer = response.headers().toString() + "\n" + response.asString();
        List<String> leaks = leaks(answer, request, markers);
        String verdict = leaks.isEmpty() ? (response.statusCode() == expected ? "ok" : "expected " + expected + ": "
                + abbreviate(response.asString(), 200)) : "LEAK " + leaks;
        rows.add(new Row(service, method, template, caller, response.statusCode(), verdict, abbreviate(request, 70)));
        soft.assertThat(response.statusCode()).as("%s %s %s as %s (%s)", service, method, template, caller, request)
                .isEqualTo(expected);
        soft.assertThat(leaks).as("%s %s %s as %s (%s) revealed", service, method, template, caller, request).isEmpty();
    }

    private static String abbreviate(String text, int length) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > length ? line.substring(0, length) + "…" : line;
    }

    /** The markers in the answer, except those the caller sent itself (an id echoed back reveals nothing new). */
    private static List<String> leaks(String answer, String request, Set<String> markers) {
        List<String> found = new ArrayList<>();
        for (String marker : markers) {
            if (answer.contains(marker) && !request.contains(marker)) {
                found.add(marker);
            }
        }
        return found;
    }

    private static void printMatrix() {
        List<Row> all;
        synchronized (rows) {
            all = new ArrayList<>(rows);
        }
        if (all.isEmpty()) {
            return;
        }
        String format = "%-26s %-6s %-62s %-46s %-6s %s%n";
        StringBuilder table = new StringBuilder("\n[isolation] tenant B (globex) against tenant A (acme), run " + RUN + "\n");
        table.append(String.format(format, "service", "method", "path", "caller", "answer", "verdict / request"));
        for (Row row : all) {
            table.append(String.format(format, row.service(), row.method(), row.path(), row.caller(), row.status(),
                    row.verdict() + (row.what().isEmpty() ? "" : "  — " + row.what())));
        }
        Map<String, Set<String>> operations = new LinkedHashMap<>();
        for (Row row : all) {
            operations.computeIfAbsent(row.service(), s -> new TreeSet<>()).add(row.method() + " " + row.path());
        }
        operations.forEach((service, ops) -> table.append(String.format("[isolation] %s: %d operations tried%n",
                service, ops.size())));
        System.out.print(table);
    }

    /** "METHOD /path" of every operation in the service's OpenAPI document. */
    private static Set<String> documentedOperations(String service) {
        Service which = switch (service) {
            case INTAKE -> Service.SURVEY_INTAKE;
            case ENGINE -> Service.ESCALATION_ENGINE;
            case RECORDINGS -> Service.RECORDING_SERVICE;
            default -> Service.NOTIFICATION_SERVICE;
        };
        JsonNode document = json(given().get(stack.url(which) + "/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                    operations.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    // ---------------------------------------------------------------- helpers

    private static ObjectNode survey(String example, String surveyId, String recordingId) throws IOException {
        ObjectNode body = TelephonyPlatform.contractExample(repoRoot, example);
        body.put("surveyId", surveyId);
        ((ObjectNode) body.get("call")).put("recordingId", recordingId);
        return body;
    }

    /** A contract example as globex's telephony would send it: its customer, its agent, its team and site. */
    private static ObjectNode globexSurvey(String example, String surveyId) {
        try {
            ObjectNode body = survey(example, surveyId, SHARED_RECORDING);
            ObjectNode customer = (ObjectNode) body.get("customer");
            customer.put("reference", "G-4711").put("name", "Greta Weber").put("phone", "+493012345678")
                    .put("email", "greta.weber@example.de");
            ObjectNode agent = (ObjectNode) body.get("agent");
            agent.put("id", "g-7").put("name", "Gerd Lang").put("team", "helpdesk").put("site", "berlin");
            ((ObjectNode) body.get("call")).put("queue", "support").put("callId", "g-call-" + RUN);
            body.put("comment", "Globex customer waited too long.");
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escalationOf(String user, String password, String surveyId) {
        return await().atMost(ARRIVAL).until(() -> {
            List<String> ids = given().auth().preemptive().basic(user, password).queryParam("surveyId", surveyId)
                    .get(engine("/api/v1/escalations")).then().statusCode(200).extract().jsonPath()
                    .getList("items.id", String.class);
            return ids.size() == 1 ? ids.get(0) : null;
        }, id -> id != null);
    }

    private static String mailAbout(String recipient, String surveyId) throws Exception {
        for (MimeMessage message : stack.mailSink().receivedBy(recipient)) {
            String text = SurveyToEmailIT.textOf(message);
            if (text.contains(surveyId)) {
                return text;
            }
        }
        return null;
    }

    private static String group(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(what).isTrue();
        return m.group(1);
    }

    private static void change(String user, String password, String id, String action, String body) {
        String etag = given().auth().preemptive().basic(user, password).get(engine("/api/v1/escalations/" + id))
                .then().statusCode(200).extract().header("ETag");
        given().auth().preemptive().basic(user, password).header("If-Match", etag).contentType("application/json")
                .body(body).post(engine("/api/v1/escalations/" + id + "/" + action)).then().statusCode(200);
    }

    private static String directoryETag(String user, String password) {
        return given().auth().preemptive().basic(user, password).accept("application/json")
                .get(engine("/api/v1/admin/directory")).then().statusCode(200).extract().header("ETag");
    }

    /** The token with one character changed, still base64url. */
    private static String tamper(String token) {
        char last = token.charAt(token.length() / 2);
        return token.substring(0, token.length() / 2) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() / 2 + 1);
    }

    private static RequestSpecification asA() {
        return given().auth().preemptive().basic(A_ADMIN, A_ADMIN_PASSWORD);
    }

    private static RequestSpecification asB() {
        return given().redirects().follow(false).auth().preemptive().basic(B_ADMIN, B_ADMIN_PASSWORD);
    }

    private static RequestSpecification withKey(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String intake(String path) {
        return stack.url(Service.SURVEY_INTAKE) + path;
    }

    private static String engine(String path) {
        return stack.url(Service.ESCALATION_ENGINE) + path;
    }

    private static String recordings(String path) {
        return stack.url(Service.RECORDING_SERVICE) + path;
    }

    private static JsonNode json(String text) {
        try {
            return TelephonyPlatform.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A console session of one account: its cookies and the CSRF token its pages carry. */
    record ConsoleLogin(String session, String csrfCookie, String csrfToken) implements AutoCloseable {

        static ConsoleLogin logIn(String username, String password) {
            Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", username).formParam("j_password", password)
                    .post(engine("/console/j_security_check"));
            String session = login.getCookie("closeloop-session");
            assertThat(session).as("console session of %s", username).isNotBlank();
            Response page = given().redirects().follow(false).cookie("closeloop-session", session).get(engine("/console"));
            Matcher token = CSRF_FIELD.matcher(page.asString());
            assertThat(token.find()).as("a CSRF token on the console page").isTrue();
            return new ConsoleLogin(session, page.getCookie("closeloop-csrf"), token.group(1));
        }

        String cookies() {
            return "closeloop-session=" + session + "; closeloop-csrf=" + csrfCookie;
        }

        Response get(String path) {
            return given().redirects().follow(false).cookie("closeloop-session", session)
                    .cookie("closeloop-csrf", csrfCookie).get(engine(path));
        }

        Response post(String path, Map<String, String> form) {
            return given().redirects().follow(false).cookie("closeloop-session", session)
                    .cookie("closeloop-csrf", csrfCookie).contentType("application/x-www-form-urlencoded")
                    .formParams(form).post(engine(path));
        }

        @Override
        public void close() {
            // sessions end by themselves; nothing to free on the client
        }
    }

    /** A server-sent event stream read on its own thread into {@link #lines}, until closed. */
    static final class SseTap implements AutoCloseable {
        static final HttpClient CLIENT = HttpClient.newHttpClient();

        final List<String> lines = new CopyOnWriteArrayList<>();
        final CompletableFuture<HttpResponse<Stream<String>>> response;

        private SseTap(HttpRequest request) {
            response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(r -> {
                try {
                    r.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
        }

        static SseTap open(HttpRequest.Builder request) {
            return new SseTap(request.GET().build());
        }

        int status() {
            return response.isDone() && !response.isCompletedExceptionally() ? response.join().statusCode() : -1;
        }

        boolean saw(String escalationId, String kind) {
            return count(escalationId, kind) > 0;
        }

        int count(String escalationId, String kind) {
            int n = 0;
            for (String line : lines) {
                if (line.contains(escalationId) && line.contains("\"" + kind + "\"")) {
                    n++;
                }
            }
            return n;
        }

        @Override
        public void close() {
            if (response.isDone() && !response.isCompletedExceptionally()) {
                response.join().body().close();
            } else {
                response.cancel(true);
            }
        }
    }

    /** An acknowledge link's payload, written as the engine's ActionLinks writes it, to forge links in tests. */
    record ActionToken(String action, String tenant, UUID escalationId, String managerId, String email,
            long expiresAt) {

        static ActionToken decode(String token) {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[0]);
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
                assertThat(in.readByte()).as("acknowledge link format").isEqualTo((byte) 1);
                return new ActionToken(in.readUTF(), in.readUTF(), new UUID(in.readLong(), in.readLong()),
                        in.readUTF(), in.readUTF(), in.readLong());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] payload() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(1);
                out.writeUTF(action);
                out.writeUTF(tenant);
                out.writeLong(escalationId.getMostSignificantBits());
                out.writeLong(escalationId.getLeastSignificantBits());
                out.writeUTF(managerId);
                out.writeUTF(email);
                out.writeLong(expiresAt);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        String sign(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
                byte[] payload = payload();
                return encoder.encodeToString(payload) + "." + encoder.encodeToString(mac.doFinal(payload));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
