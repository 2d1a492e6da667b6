package dev.closeloop.localstack.demo;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a survey should raise and who should hear about it, and when, worked out from the survey body alone,
 * the way DESIGN.md states the rules and config/local/directory.yaml routes them. Deliberately separate from
 * the escalation-engine's code: the demo checks the engine, it does not ask it.
 * <p>
 * The demo directory's routing, as its comments say it:
 * <ul>
 * <li>negative feedback and poor scores go to the agent's team manager at once (the fallback contact when the
 * team is unknown); if nobody acknowledges within 45 s, to the head of CX as well (level 2);</li>
 * <li>leads go to the team manager and the sales contact; praise to the team manager;</li>
 * <li>praise and leads wait for the recipient's working hours. Every demo manager works around the clock
 * except {@value #HELD_MANAGER} (team {@value #HELD_TEAM}), so the demo's calls reach everyone at once and
 * only his team's praise can be held.</li>
 * </ul>
 */
public final class Expectations {

    /** The escalation types, named as the engine's API names them. */
    public enum Type {
        NEGATIVE_FEEDBACK, POOR_SCORE, LEAD, ALL_FIVES
    }

    /** The team whose manager keeps office hours: praise for it raised outside them waits for them. */
    public static final String HELD_TEAM = "retention-uk";
    /** Its manager, Noah Brooks, in Europe/London. */
    public static final String HELD_MANAGER = "noah.brooks@acme.example";
    /** The demo tenant's team managers, as config/local/directory.yaml lists them. */
    public static final Map<String, String> TEAM_MANAGERS = Map.of(
            "billing-uk", "mia.jones@acme.example",
            "support-us", "carlos.ruiz@acme.example",
            HELD_TEAM, HELD_MANAGER);
    /** Hears about every LEAD. */
    public static final String SALES_CONTACT = "priya.shah@acme.example";
    /** Hears about everything raised for a team the directory does not know. */
    public static final String FALLBACK_CONTACT = "cx-desk@acme.example";
    /** Level 2 of negative feedback and poor scores: hears of those nobody acknowledged in time. */
    public static final String HEAD_OF_CX = "hana.sato@acme.example";
    /** How long the first recipients of negative feedback or a poor score have to acknowledge it. */
    public static final Duration ACKNOWLEDGE_WITHIN = Duration.ofSeconds(45);

    /** Urgent: re-escalated when not acknowledged, never held for working hours. */
    private static final Set<Type> NEGATIVE = EnumSet.of(Type.NEGATIVE_FEEDBACK, Type.POOR_SCORE);

    private Expectations() {
    }

    /**
     * NEGATIVE_FEEDBACK when the CSR flagged that the customer needs attention; POOR_SCORE when any answer
     * is a 1; LEAD when the CSR flagged a lead; ALL_FIVES when there are answers and every one is a 5.
     */
    public static Set<Type> typesFor(JsonNode survey) {
        Set<Type> types = EnumSet.noneOf(Type.class);
        JsonNode csr = survey.path("csr");
        JsonNode answers = survey.path("answers");
        if (csr.path("needsAttention").asBoolean(false)) {
            types.add(Type.NEGATIVE_FEEDBACK);
        }
        boolean anyOne = false;
        boolean allFives = answers.size() > 0;
        for (JsonNode answer : answers) {
            int score = answer.path("score").asInt();
            anyOne |= score == 1;
            allFives &= score == 5;
        }
        if (anyOne) {
            types.add(Type.POOR_SCORE);
        }
        if (csr.path("lead").asBoolean(false)) {
            types.add(Type.LEAD);
        }
        if (allFives) {
            types.add(Type.ALL_FIVES);
        }
        return types;
    }

    /**
     * One email each: the team's manager (or the fallback contact when the team is unknown) for anything
     * raised, and the sales contact too when a LEAD is among it.
     */
    public static Set<String> recipientsFor(String team, Set<Type> types) {
        Set<String> recipients = new LinkedHashSet<>();
        if (types.isEmpty()) {
            return recipients;
        }
        recipients.add(TEAM_MANAGERS.getOrDefault(team, FALLBACK_CONTACT));
        if (types.contains(Type.LEAD)) {
            recipients.add(SALES_CONTACT);
        }
        return recipients;
    }

    /** Whether anything among {@code types} goes to level 2 when nobody acknowledges it: negative ones do. */
    public static boolean reEscalates(Set<Type> types) {
        return types.stream().anyMatch(NEGATIVE::contains);
    }

    /**
     * Who is alerted at level 2 about a survey: the head of CX, once for all its negative escalations (they fall
     * due together), unless they were acknowledged in time; nobody for a survey that raised nothing negative.
     */
    public static Set<String> escalatedTo(Set<Type> types, boolean acknowledged) {
        return reEscalates(types) && !acknowledged ? Set.of(HEAD_OF_CX) : Set.of();
    }

    /**
     * Whether an alert telling someone of {@code types} waits for their working hours when raised outside them:
     * only when all of it can wait (praise, leads); one negative escalation takes the rest along at once.
     */
    public static boolean waitsForWorkingHours(Set<Type> types) {
        return !types.isEmpty() && !reEscalates(types);
    }

    /** Every mailbox the demo can expect mail in. */
    public static Set<String> allRecipients() {
        Set<String> all = new LinkedHashSet<>(TEAM_MANAGERS.values());
        all.add(SALES_CONTACT);
        all.add(FALLBACK_CONTACT);
        all.add(HEAD_OF_CX);
        return all;
    }
}
