package dev.closeloop.localstack.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A day at the call centre, as the telephony platform reports it: a fixed round of situations (a grumpy
 * customer, a delighted one, a sales lead, a caller who hung up before the questions, …) with realistic
 * but random people around them. Every round of {@value #ROUND_SIZE} covers all four escalation types,
 * their combinations, and plenty of calls that raise nothing; its first twelve already cover all four.
 * Every other call that raises something negative is acknowledged by its manager in time (the first, the
 * third, …), the others are left to re-escalate.
 */
public final class DemoSurveys {

    static final int ROUND_SIZE = 16;

    static final String[] QUESTIONS = {
            "How satisfied were you with the call overall?",
            "How would you rate the agent's technical ability?",
            "How likely are you to recommend us?" };

    /** The team the demo directory does not know: its escalations go to the fallback contact. */
    static final String UNKNOWN_TEAM = "retentions-ie";
    /** The number of praised calls {@link #heldPraise} makes. */
    static final int HELD_PRAISE = 2;

    private enum Mood {
        DELIGHTED, CONTENT, UNHAPPY, ANGRY, SILENT
    }

    /** @param team the agent's team; null for one of the two teams the directory knows, at random */
    private record Scenario(int[] scores, boolean needsAttention, String leadType, String team, Mood mood) {
    }

    private static final List<Scenario> ROUND = List.of(
            new Scenario(new int[] { 4, 3, 4 }, false, null, null, Mood.CONTENT),
            new Scenario(new int[] { 1, 2, 3 }, false, null, null, Mood.UNHAPPY),
            new Scenario(new int[] { 5, 5, 5 }, false, null, null, Mood.DELIGHTED),
            new Scenario(new int[] {}, false, null, null, Mood.SILENT),
            new Scenario(new int[] { 1, 1, 2 }, true, null, null, Mood.ANGRY),
            new Scenario(new int[] { 5, 5, 4 }, false, null, null, Mood.DELIGHTED),
            new Scenario(new int[] { 4, 4, 5 }, false, "RENEWAL", null, Mood.CONTENT),
            new Scenario(new int[] { 3, 2, 3 }, true, null, null, Mood.UNHAPPY),
            new Scenario(new int[] { 2, 3, 4 }, false, null, null, Mood.CONTENT),
            new Scenario(new int[] { 5, 5, 5 }, false, "SALES", null, Mood.DELIGHTED),
            new Scenario(new int[] { 1, 3, 2 }, false, null, UNKNOWN_TEAM, Mood.UNHAPPY),
            new Scenario(new int[] { 5 }, false, null, null, Mood.DELIGHTED),
            new Scenario(new int[] {}, true, null, null, Mood.ANGRY),
            new Scenario(new int[] { 4, 4, 3 }, false, null, null, Mood.CONTENT),
            new Scenario(new int[] { 1, 1, 1 }, false, null, null, Mood.ANGRY),
            new Scenario(new int[] { 3, 4, 4 }, false, "WARRANTY", null, Mood.CONTENT));
    /** Praise for the team whose manager keeps office hours. */
    private static final Scenario HELD_PRAISE_SCENARIO = new Scenario(new int[] { 5, 5, 5 }, false, null,
            Expectations.HELD_TEAM, Mood.DELIGHTED);

    private record Agent(String id, String name) {
    }

    private static final List<Agent> BILLING_UK = List.of(new Agent("csr-17", "Sam Lee"),
            new Agent("csr-21", "Aisha Khan"), new Agent("csr-09", "Tom Baker"));
    private static final List<Agent> SUPPORT_US = List.of(new Agent("csr-42", "Jordan Price"),
            new Agent("csr-51", "Maria Gonzalez"), new Agent("csr-38", "Kevin O'Brien"));
    private static final List<Agent> RETENTIONS_IE = List.of(new Agent("csr-63", "Niamh Byrne"));
    private static final List<Agent> RETENTION_UK = List.of(new Agent("csr-71", "Ellie Ward"),
            new Agent("csr-74", "Ravi Mehta"));

    private static final String[] FIRST_NAMES = { "Dana", "Oliver", "Amelia", "Harry", "Isla", "George", "Priya",
            "Mohammed", "Grace", "Jack", "Chloe", "Ethan", "Sofia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Zoe",
            "Daniel", "Fatima", "Ben", "Hannah", "Marcus", "Elena", "Wei", "Aoife", "Tariq", "Rosa", "Sean" };
    private static final String[] LAST_NAMES = { "Smith", "Patel", "Williams", "Brown", "Taylor", "Nguyen",
            "Johnson", "Garcia", "Wilson", "Davies", "Evans", "Martinez", "Thompson", "O'Connor", "Chen", "Hughes",
            "Robinson", "Walker", "Kowalski", "Murphy", "Okafor", "Schmidt", "Rossi", "Anderson", "Clarke" };

    private static final String[] DELIGHTED = { "Brilliant, sorted everything in one call.",
            "Really friendly and patient. Thank you!", "Quickest support call I have ever had.",
            "Explained my bill clearly, much appreciated." };
    private static final String[] CONTENT = { "Fine, got what I needed.", "Took a while to get through but OK.",
            "The agent was helpful.", null, null };
    private static final String[] UNHAPPY = { "Third call about the same bill.",
            "Still not fixed after two weeks.", "I was on hold for 40 minutes.",
            "The agent did not seem to understand the problem." };
    private static final String[] ANGRY = { "Absolutely useless. I want to speak to a manager.",
            "You charged me twice and nobody will refund it. Cancelling.",
            "Promised a call back yesterday, never happened." };
    private static final String[] ATTENTION_REASONS = { "Customer threatens to cancel",
            "Customer asked for a call back from a manager today", "Vulnerable customer, billing dispute",
            "Complaint about a previous agent" };
    private static final Map<String, String[]> LEAD_NOTES = Map.of(
            "RENEWAL", new String[] { "Contract ends in March; wants a better tariff",
                    "Renewal due next month, comparing offers" },
            "SALES", new String[] { "Asked about the business plan for 12 seats",
                    "Would add a second line if the price is right" },
            "WARRANTY", new String[] { "Interested in extended warranty for the new router",
                    "Asked to extend the warranty on the boiler" });

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("'demo-'yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoSurveys() {
    }

    /** {@code demo-<UTC timestamp>}: survey ids of one run start with it, so runs never collide. */
    public static String runId(Instant now) {
        return RUN_ID.format(now);
    }

    /** {@code count} surveys with ids {@code <runId>-001}, {@code -002}, … ; the seed picks the people. */
    public static List<DemoSurvey> generate(String runId, int count, long seed, Instant now) {
        Random random = new Random(seed);
        List<DemoSurvey> surveys = new ArrayList<>();
        int negative = 0;
        for (int n = 1; n <= count; n++) {
            DemoSurvey survey = survey(runId, n, ROUND.get((n - 1) % ROUND_SIZE), random, now);
            if (Expectations.reEscalates(survey.expectedTypes()) && negative++ % 2 == 0) {
                survey = survey.acknowledgedInTime();
            }
            surveys.add(survey);
        }
        return surveys;
    }

    /**
     * {@value #HELD_PRAISE} calls with all 5's for {@value Expectations#HELD_TEAM}, numbered from {@code first}
     * on: praise for a manager who keeps office hours, to show it held until they start.
     */
    public static List<DemoSurvey> heldPraise(String runId, int first, long seed, Instant now) {
        Random random = new Random(seed);
        List<DemoSurvey> surveys = new ArrayList<>();
        for (int n = first; n < first + HELD_PRAISE; n++) {
            surveys.add(survey(runId, n, HELD_PRAISE_SCENARIO, random, now));
        }
        return surveys;
    }

    private static DemoSurvey survey(String runId, int n, Scenario scenario, Random random, Instant now) {
        String surveyId = String.format("%s-%03d", runId, n);
        String recordingId = "rec-" + surveyId;
        String team;
        String site;
        Agent agent;
        if (UNKNOWN_TEAM.equals(scenario.team())) {
            team = UNKNOWN_TEAM;
            site = "dublin";
            agent = pick(random, RETENTIONS_IE);
        } else if (Expectations.HELD_TEAM.equals(scenario.team())) {
            team = Expectations.HELD_TEAM;
            site = "manchester";
            agent = pick(random, RETENTION_UK);
        } else if (random.nextBoolean()) {
            team = "billing-uk";
            site = "manchester";
            agent = pick(random, BILLING_UK);
        } else {
            team = "support-us";
            site = "austin";
            agent = pick(random, SUPPORT_US);
        }
        boolean american = team.equals("support-us");

        ObjectNode body = JSON.createObjectNode();
        body.put("surveyId", surveyId);
        int duration = 90 + random.nextInt(810);
        Instant started = now.minus(5 + random.nextInt(25), ChronoUnit.MINUTES).minusSeconds(duration)
                .truncatedTo(ChronoUnit.SECONDS);
        body.put("completedAt", started.plusSeconds(duration + 45 + random.nextInt(75)).toString());

        ObjectNode call = body.putObject("call");
        call.put("callId", "c-" + surveyId.substring("demo-".length()));
        call.put("startedAt", started.toString());
        call.put("durationSeconds", duration);
        call.put("queue", scenario.team() != null ? "retentions" : american ? "technical-support" : "billing");
        call.put("recordingId", recordingId);

        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        ObjectNode customer = body.putObject("customer");
        customer.put("reference", "CUST-" + (10_000 + random.nextInt(90_000)));
        customer.put("name", first + " " + last);
        // numbers from the ranges reserved for drama: +44 7700 900xxx and +1 512 555 01xx
        customer.put("phone", american ? String.format("+1512555%04d", 100 + random.nextInt(100))
                : String.format("+447700900%03d", random.nextInt(1000)));
        if (random.nextInt(5) > 0) {
            customer.put("email", (first + "." + last).toLowerCase().replace("'", "") + "@example.com");
        }

        ObjectNode agentNode = body.putObject("agent");
        agentNode.put("id", agent.id());
        agentNode.put("name", agent.name());
        agentNode.put("team", team);
        agentNode.put("site", site);

        ArrayNode answers = body.putArray("answers");
        for (int q = 0; q < scenario.scores().length; q++) {
            ObjectNode answer = answers.addObject();
            answer.put("questionId", "q" + (q + 1));
            answer.put("question", QUESTIONS[q]);
            answer.put("score", scenario.scores()[q]);
        }

        String comment = comment(scenario.mood(), random);
        if (comment != null) {
            body.put("comment", comment);
        }

        boolean lead = scenario.leadType() != null;
        if (scenario.needsAttention() || lead || random.nextBoolean()) {
            ObjectNode csr = body.putObject("csr");
            csr.put("needsAttention", scenario.needsAttention());
            if (scenario.needsAttention()) {
                csr.put("attentionReason", ATTENTION_REASONS[random.nextInt(ATTENTION_REASONS.length)]);
            }
            csr.put("lead", lead);
            if (lead) {
                csr.put("leadType", scenario.leadType());
                String[] notes = LEAD_NOTES.get(scenario.leadType());
                csr.put("leadNote", notes[random.nextInt(notes.length)]);
            }
        }

        var types = Expectations.typesFor(body);
        return new DemoSurvey(surveyId, recordingId, team, describe(scenario), body, types,
                Expectations.recipientsFor(team, types), false, Expectations.escalatedTo(types, false));
    }

    private static String comment(Mood mood, Random random) {
        String[] pool = switch (mood) {
            case DELIGHTED -> DELIGHTED;
            case CONTENT -> CONTENT;
            case UNHAPPY -> UNHAPPY;
            case ANGRY -> ANGRY;
            case SILENT -> new String[] { null };
        };
        return pool[random.nextInt(pool.length)];
    }

    private static String describe(Scenario scenario) {
        StringBuilder s = new StringBuilder();
        if (scenario.scores().length == 0) {
            s.append("no answers");
        }
        for (int i = 0; i < scenario.scores().length; i++) {
            s.append(i == 0 ? "" : ",").append(scenario.scores()[i]);
        }
        if (scenario.needsAttention()) {
            s.append(" +attention");
        }
        if (scenario.leadType() != null) {
            s.append(" +lead ").append(scenario.leadType());
        }
        return s.toString();
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
