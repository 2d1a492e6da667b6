package dev.closeloop.intake;

import static dev.closeloop.intake.SurveyBodies.ACME_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.closeloop.localstack.testing.BrokerTestResource;
import dev.closeloop.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ten thousand hostile bodies from a seeded generator: wrong JSON types for every field, huge, negative and
 * fractional numbers, megabyte strings, nesting 10,000 deep, invalid UTF-8, duplicate keys, unknown fields, nulls,
 * empty and truncated bodies, wrong content types, control characters. Each body is built to be refused, so
 * every answer must be a 4xx problem+json (never a 5xx) and nothing may be stored.
 *
 * <p>The seed is printed; rerun one with {@code -Dcloseloop.fuzz.seed=<seed>} (and
 * {@code -Dcloseloop.fuzz.bodies=<n>} for another count).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(BrokerTestResource.class)
class SurveyFuzzTest {

    private static final int BODIES = Integer.getInteger("closeloop.fuzz.bodies", 10_000);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String RAW = "@@raw@@";
    private static final int CLIENTS = 4;

    private static final List<String> STRINGS = List.of("surveyId", "completedAt", "call.callId", "call.startedAt",
            "call.queue", "call.recordingId", "customer.reference", "customer.name", "customer.phone", "customer.email",
            "agent.id", "agent.name", "agent.team", "agent.site", "answers[0].questionId", "answers[1].question",
            "comment", "csr.attentionReason", "csr.leadType", "csr.leadNote");
    private static final List<String> INTEGERS = List.of("call.durationSeconds", "answers[0].score", "answers[2].score");
    private static final List<String> BOOLEANS = List.of("csr.needsAttention", "csr.lead");
    private static final List<String> OBJECTS = List.of("call", "customer", "agent", "csr", "answers[1]");
    private static final List<String> REQUIRED = List.of("surveyId", "completedAt", "call", "customer", "agent",
            "call.callId", "call.startedAt", "customer.name", "agent.id", "agent.team", "answers[0].score",
            "answers[1].questionId", "answers[2]");
    /** None of these is an integer 1..5 that JSON allows, nor an acceptable call duration. */
    private static final List<String> BAD_NUMBERS = List.of("1e400", "-1e400", "99999999999999999999999",
            "2147483648", "-2147483649", "9223372036854775808", "-1", "-2147483648", "1.0", "4.5", "5.0000001",
            "1e2", "1E-7", "NaN", "Infinity", "-Infinity", "0x10", "+3", "03", ".5", "1.", "--1", "1e", "86401",
            "1" + "0".repeat(1_500), "0." + "1".repeat(2_000));
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
            new byte[] { (byte) 0xFE, (byte) 0xFF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
            new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xE2, (byte) 0x82 },
            new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0x80 },
            new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 });
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
            "application/jsonx", "json", "");

    @Inject
    Pool pool;

    @TestHTTPResource("/api/v1/surveys")
    URI surveys;

    record Body(String kind, byte[] bytes, String contentType) {
    }

    @Test
    void tenThousandHostileBodiesAnswer4xxProblemsAndStoreNothing() throws Exception {
        long seed = Long.getLong("closeloop.fuzz.seed", System.nanoTime());
        System.out.printf("SurveyFuzzTest: %d bodies, seed %d (rerun with -Dcloseloop.fuzz.seed=%d)%n", BODIES, seed, seed);
        long surveysBefore = count("SELECT count(*) FROM survey");
        long outboxBefore = count("SELECT count(*) FROM outbox");
        Random random = new Random(seed);
        List<Body> bodies = new ArrayList<>(BODIES);
        for (int i = 0; i < BODIES; i++) {
            bodies.add(generate(random, "fuzz-" + seed + "-" + i));
        }

        Map<String, AtomicLong> answers = new TreeMap<>();
        Map<String, AtomicLong> tally = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                sent.add(senders.submit(() -> {
                    for (int i = first; i < bodies.size(); i += CLIENTS) {
                        String outcome = send(client, bodies.get(i));
                        String key = outcome.startsWith("4") ? outcome : outcome.substring(0, 3) + " (wrong)";
                        tally.computeIfAbsent(key, ignored -> new AtomicLong()).incrementAndGet();
                        if (!outcome.startsWith("4")) {
                            failures.add(bodies.get(i).kind() + " → " + outcome + ": "
                                    + preview(bodies.get(i).bytes()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            senders.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        tally.forEach((outcome, n) -> answers.put(outcome, n));
        System.out.printf("SurveyFuzzTest: seed %d, %d bodies in %d ms; answers %s%n", seed, BODIES, took.toMillis(),
                answers);

        assertThat(failures.subList(0, Math.min(20, failures.size())))
                .as("of %d answers that are not a 4xx problem+json, the first (seed %d)", failures.size(), seed)
                .isEmpty();
        assertThat(count("SELECT count(*) FROM survey")).as("surveys stored (seed %d)", seed).isEqualTo(surveysBefore);
        assertThat(count("SELECT count(*) FROM survey WHERE survey_id LIKE 'fuzz-%'")).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id LIKE 'fuzz-%'")).as("events enqueued").isZero();
        assertThat(count("SELECT count(*) FROM outbox")).isLessThanOrEqualTo(outboxBefore);
    }

    /** "413 problem" when the answer is right; anything else describes what went wrong. */
    private String send(HttpClient client, Body body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(surveys).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ACME_KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (!body.contentType().isEmpty()) {
            request.header("Content-Type", body.contentType());
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The server may close the connection while a body far over the limit is still being sent.
            return body.bytes().length > 64 * 1024 ? "413 closed" : "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean problem = type.startsWith("application/problem+json") && response.body().contains("\"status\":" + status);
        if (status >= 400 && status < 500 && status != 401 && status != 429 && problem) {
            return status + " problem";
        }
        return status + " " + type + " " + response.body().substring(0, Math.min(200, response.body().length()));
    }

    // --- the generator ---

    private static Body generate(Random random, String surveyId) {
        int kind = random.nextInt(14);
        switch (kind) {
            case 0:
                return wrongType(random, surveyId);
            case 1:
                return badNumber(random, surveyId);
            case 2:
                return hugeString(random, surveyId);
            case 3:
                return deepNesting(random, surveyId);
            case 4:
                return invalidUtf8(random, surveyId);
            case 5:
                return duplicateKey(random, surveyId);
            case 6:
                return unknownFields(random, surveyId);
            case 7:
                return nulls(random, surveyId);
            case 8:
                return notASurvey(random);
            case 9:
                return truncated(random, surveyId);
            case 10:
                return wrongContentType(random, surveyId);
            case 11:
                return controlCharacters(random, surveyId);
            case 12:
                return fieldOverItsLimit(random, surveyId);
            default:
                return mixed(random, surveyId);
        }
    }

    private static ObjectNode valid(String surveyId) {
        ObjectNode survey = SurveyBodies.example("survey-poor-score.json").put("surveyId", surveyId);
        survey.putObject("csr").put("needsAttention", true).put("attentionReason", "threatens to cancel")
                .put("lead", false).putNull("leadType").put("leadNote", "none");
        return survey;
    }

    private static Body json(String kind, Object survey) {
        return new Body(kind, SurveyBodies.text(survey).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** The survey with the placeholder at {@code path} replaced by raw JSON text (valid or not). */
    private static Body raw(String kind, ObjectNode survey, String path, String rawText) {
        set(survey, path, NODES.textNode(RAW));
        String text = SurveyBodies.text(survey).replace("\"" + RAW + "\"", rawText);
        return new Body(kind, text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static Body wrongType(Random random, String surveyId) {
        ObjectNode survey = valid(surveyId);
        String path;
        List<JsonNode> wrong;
        switch (random.nextInt(5)) {
            case 0:
                path = pick(random, STRINGS);
                wrong = List.of(NODES.numberNode(17), NODES.numberNode(1.5), NODES.booleanNode(true),
                        NODES.objectNode().put("value", "x"), NODES.arrayNode().add("x"), NODES.arrayNode());
                break;
            case 1:
                path = pick(random, INTEGERS);
                wrong = List.of(NODES.textNode("3"), NODES.textNode(""), NODES.numberNode(3.0), NODES.booleanNode(true),
                        NODES.objectNode(), NODES.arrayNode().add(3));
                break;
            case 2:
                path = pick(random, BOOLEANS);
                wrong = List.of(NODES.textNode("true"), NODES.numberNode(1), NODES.numberNode(0.0), NODES.objectNode(),
                        NODES.arrayNode().add(true));
                break;
            case 3:
                path = pick(random, OBJECTS);
                wrong = List.of(NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(false), NODES.arrayNode(),
                        NODES.arrayNode().add(NODES.objectNode()));
                break;
            default:
                path = "answers";
                wrong = List.of(NODES.objectNode().put("questionId", "q1").put("score", 3), NODES.textNode("q1=3"),
                        NODES.numberNode(3), NODES.booleanNode(true));
                break;
        }
        set(survey, path, pick(random, wrong));
        return json("wrong type at " + path, survey);
    }

    private static Body badNumber(Random random, String surveyId) {
        String path = pick(random, INTEGERS);
        String number = pick(random, BAD_NUMBERS);
        return raw("number " + abbreviate(number) + " at " + path, valid(surveyId), path, number);
    }

    private static Body hugeString(Random random, String surveyId) {
        int length = pick(random, List.of(1 << 20, 70_000, 65_537));
        String path = pick(random, STRINGS);
        return json(length + " chars at " + path, set(valid(surveyId), path, NODES.textNode("x".repeat(length))));
    }

    private static Body deepNesting(Random random, String surveyId) {
        int depth = pick(random, List.of(10_000, 1_001, 2_000));
        boolean arrays = random.nextBoolean();
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            nested.append(arrays ? "[" : "{\"a\":");
        }
        nested.append("1");
        boolean closed = random.nextBoolean();
        for (int i = 0; closed && i < depth; i++) {
            nested.append(arrays ? "]" : "}");
        }
        if (random.nextInt(4) == 0) {
            return new Body("nesting " + depth + " as the body", nested.toString().getBytes(StandardCharsets.UTF_8),
                    "application/json");
        }
        // In a known field, an unknown one (which Jackson skips, nested or not) or the answers.
        String path = pick(random, List.of("comment", "call.queue", "x-extension", "answers[1].score", "answers",
                "csr.leadNote", "customer"));
        return raw("nesting " + depth + " at " + path, valid(surveyId), path, nested.toString());
    }

    private static Body invalidUtf8(Random random, String surveyId) {
        String path = pick(random, STRINGS);
        byte[] invalid = BAD_UTF8.get(random.nextInt(BAD_UTF8.size()));
        ObjectNode survey = set(valid(surveyId), path, NODES.textNode("before" + RAW + "after"));
        byte[] text = SurveyBodies.text(survey).getBytes(StandardCharsets.UTF_8);
        byte[] marker = RAW.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(text, marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at);
        out.writeBytes(invalid);
        out.write(text, at + marker.length, text.length - at - marker.length);
        return new Body("invalid UTF-8 " + hex(invalid) + " in " + path, out.toByteArray(), "application/json");
    }

    private static Body duplicateKey(Random random, String surveyId) {
        ObjectNode survey = valid(surveyId);
        String path = pick(random, List.of("surveyId", "comment", "call.callId", "customer.name", "agent.team",
                "answers[0].score", "csr.lead", "call", "answers"));
        int dot = path.lastIndexOf('.');
        String name = path.substring(dot + 1);
        // The same key again, at the start of its object: with the same value or another one.
        String text = SurveyBodies.text(survey);
        String again = "\"" + name + "\":" + (random.nextBoolean() ? "\"other\"" : "3") + ",";
        String parent = dot < 0 ? "" : path.substring(0, dot);
        String parentKey = parent.isEmpty() ? null : parent.startsWith("answers[") ? "\"answers\":[" : "\"" + parent + "\":";
        int objectStart = parentKey == null ? 0 : text.indexOf(parentKey) + parentKey.length();
        int brace = text.indexOf('{', objectStart);
        text = text.substring(0, brace + 1) + again + text.substring(brace + 1);
        return new Body("duplicate key " + path, text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static Body unknownFields(Random random, String surveyId) {
        ObjectNode survey = valid(surveyId);
        for (int i = random.nextInt(5) + 1; i > 0; i--) {
            ObjectNode target = (ObjectNode) survey.get(pick(random, List.of("call", "customer", "agent", "csr")));
            (random.nextBoolean() ? survey : target).set("x" + random.nextInt(1000), randomValue(random, 3));
        }
        // Unknown fields alone are allowed (the contract adds fields freely): what makes this body wrong is below.
        return breakOne(random, "unknown fields", survey);
    }

    private static Body nulls(Random random, String surveyId) {
        ObjectNode survey = valid(surveyId);
        List<String> paths = new ArrayList<>(STRINGS);
        paths.addAll(INTEGERS);
        paths.addAll(BOOLEANS);
        paths.addAll(OBJECTS);
        paths.add("answers");
        Collections.shuffle(paths, random);
        List<String> nulled = new ArrayList<>(paths.subList(0, random.nextInt(paths.size())));
        for (String path : nulled) {
            set(survey, path, NODES.nullNode());
        }
        // Last, so that it is not hidden by a null parent: with "answers" null, an answer's score is no longer required.
        String required = pick(random, REQUIRED);
        nulled.add(required.startsWith("answers[") && !survey.path("answers").isArray() ? "surveyId" : required);
        set(survey, nulled.get(nulled.size() - 1), NODES.nullNode());
        if (random.nextInt(10) == 0) {
            return json("every field null", nullEverything(survey));
        }
        return json(nulled.size() + " nulls", survey);
    }

    private static Body notASurvey(Random random) {
        String text = pick(random, List.of("", " ", "\n", "null", "[]", "[{}]", "\"survey\"", "123", "-0", "true",
                "{", "}", "{}}", "{\"surveyId\"}", "{\"surveyId\":}", "{,}", "{\"a\":1,}", "[1,]", "{'surveyId':'x'}",
                "{surveyId:\"x\"}", "/* comment */ {}", "{} {}", "\uFEFF{}", "{\"surveyId\":\"x\"}garbage"));
        return new Body("not a survey: " + abbreviate(text), text.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private static Body truncated(Random random, String surveyId) {
        byte[] text = SurveyBodies.text(valid(surveyId)).getBytes(StandardCharsets.UTF_8);
        int cut = random.nextInt(text.length - 1) + 1;
        byte[] out = new byte[cut];
        System.arraycopy(text, 0, out, 0, cut);
        return new Body("truncated at " + cut, out, "application/json");
    }

    private static Body wrongContentType(Random random, String surveyId) {
        Body valid = json("", valid(surveyId));
        String type = pick(random, WRONG_CONTENT_TYPES);
        return new Body("content type '" + type + "'", valid.bytes(), type);
    }

    private static Body controlCharacters(Random random, String surveyId) {
        String path = pick(random, STRINGS);
        char control = (char) random.nextInt(0x20);
        if (random.nextBoolean()) {
            // Raw in the text: JSON allows no unescaped control character in a string.
            return raw("raw control U+" + Integer.toHexString(control) + " in " + path, valid(surveyId), path,
                    "\"a" + control + "b\"");
        }
        ObjectNode survey = set(valid(surveyId), path, NODES.textNode("a" + control + "\u0000\u007f\u202eb"));
        return breakOne(random, "escaped controls in " + path, survey);
    }

    private static Body fieldOverItsLimit(Random random, String surveyId) {
        String path = pick(random, STRINGS);
        return json("over the limit at " + path, set(valid(surveyId), path, NODES.textNode("y".repeat(8_001))));
    }

    /** Several of the above at once. */
    private static Body mixed(Random random, String surveyId) {
        ObjectNode survey = valid(surveyId);
        for (int i = random.nextInt(4) + 2; i > 0; i--) {
            String path = pick(random, random.nextBoolean() ? STRINGS : OBJECTS);
            set(survey, path, randomValue(random, 4));
        }
        return breakOne(random, "mixed", survey);
    }

    /** The survey with one more defect that is sure to be refused. */
    private static Body breakOne(Random random, String kind, ObjectNode survey) {
        switch (random.nextInt(4)) {
            case 0:
                survey.remove(pick(random, List.of("surveyId", "completedAt", "call", "customer", "agent")));
                return json(kind + ", a required part missing", survey);
            case 1:
                survey.put("surveyId", "has spaces " + random.nextInt());
                return json(kind + ", a bad surveyId", survey);
            case 2:
                ((ObjectNode) survey.withArray("answers").addObject()).put("questionId", "qx").put("score", 6);
                return json(kind + ", a score of 6", survey);
            default:
                survey.put("completedAt", "yesterday");
                return json(kind + ", a bad instant", survey);
        }
    }

    private static JsonNode randomValue(Random random, int depth) {
        switch (random.nextInt(depth <= 0 ? 6 : 8)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.booleanNode(random.nextBoolean());
            case 2:
                return NODES.numberNode(random.nextLong());
            case 3:
                return NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(300)));
            case 4:
                return NODES.textNode("\u0000\u001f\u2028\uD83D\uDE00" + random.nextInt());
            case 5:
                return NODES.textNode("");
            case 6: {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth - 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + i, randomValue(random, depth - 1));
                }
                return object;
            }
        }
    }

    private static ObjectNode nullEverything(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.forEach(node::putNull);
        return node;
    }

    /** Sets {@code a.b}, {@code answers[1]} or {@code answers[1].score}, creating objects on the way. */
    private static ObjectNode set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                String name = part.substring(0, bracket);
                int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
                JsonNode array = parent.get(name);
                if (!(array instanceof ArrayNode)) {
                    return root;
                }
                if (last) {
                    ((ArrayNode) array).set(index, value);
                    return root;
                }
                parent = array.get(index);
            } else if (last) {
                ((ObjectNode) parent).set(part, value);
                return root;
            } else {
                JsonNode child = parent.get(part);
                parent = child instanceof ObjectNode ? child : ((ObjectNode) parent).putObject(part);
            }
            if (!(parent instanceof ObjectNode)) {
                return root;
            }
        }
        return root;
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static int indexOf(byte[] text, byte[] part) {
        outer: for (int i = 0; i + part.length <= text.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X", b));
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return abbreviate(text.replace('\n', ' ')) + " [" + body.length + " bytes]";
    }

    private long count(String sql) {
        return pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0))
                .await().atMost(Duration.ofSeconds(10));
    }
}
