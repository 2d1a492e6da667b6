package dev.closeloop.localstack.demo;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a survey should raise and who should hear about it, worked out from the survey body alone, the
 * way DESIGN.md states the rules. Deliberately separate from the escalation-engine's code: the demo
 * checks the engine, it does not ask it.
 */
public final class Expectations {

    /** The escalation types, named as the engine's API names them. */
    public enum Type {
        NEGATIVE_FEEDBACK, POOR_SCORE, LEAD, ALL_FIVES
    }

    /** The demo tenant's team managers, as config/local/directory.yaml lists them. */
    public static final Map<String, String> TEAM_MANAGERS = Map.of(
            "billing-uk", "mia.jones@acme.example",
            "support-us", "carlos.ruiz@acme.example");
    /** Hears about every LEAD. */
    public static final String SALES_CONTACT = "priya.shah@acme.example";
    /** Hears about everything raised for a team the directory does not know. */
    public static final String FALLBACK_CONTACT = "cx-desk@acme.example";

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

    /** Every mailbox the demo can expect mail in. */
    public static Set<String> allRecipients() {
        Set<String> all = new LinkedHashSet<>(TEAM_MANAGERS.values());
        all.add(SALES_CONTACT);
        all.add(FALLBACK_CONTACT);
        return all;
    }
}
