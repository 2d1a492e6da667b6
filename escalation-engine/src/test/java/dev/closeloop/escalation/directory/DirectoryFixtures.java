package dev.closeloop.escalation.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.closeloop.events.Survey;

/** Surveys and directories for the directory tests; the directories themselves are spelt out where they are used. */
final class DirectoryFixtures {

    static final Survey.CsrFlags NO_FLAGS = new Survey.CsrFlags(false, null, false, null, null);
    static final Survey.CsrFlags NEEDS_ATTENTION = new Survey.CsrFlags(true, "Customer threatens to cancel", false,
            null, null);
    static final Survey.CsrFlags LEAD = new Survey.CsrFlags(false, null, true, "RENEWAL", "Contract ends in March");

    private static final Instant COMPLETED = Instant.parse("2026-12-04T15:58:00Z");

    private DirectoryFixtures() {
    }

    static Survey.Agent agent(String id, String team, String site) {
        return new Survey.Agent(id, "Sam Lee", team, site);
    }

    /** A survey about agent csr-17 of {@code team} at the london site, taken from the billing queue. */
    static Survey survey(String team, Survey.CsrFlags csr, int... scores) {
        return survey(agent("csr-17", team, "london"), "billing", csr, scores);
    }

    static Survey survey(Survey.Agent agent, String queue, Survey.CsrFlags csr, int... scores) {
        List<Survey.Answer> answers = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            answers.add(new Survey.Answer("q" + (i + 1), "Question " + (i + 1) + "?", scores[i]));
        }
        return new Survey("s-1", COMPLETED,
                new Survey.Call("c-1", COMPLETED.minusSeconds(600), 312, queue, "rec-1"),
                new Survey.Customer("CUST-991", "Dana Smith", "+441632960001", "dana.smith@example.com"),
                agent, answers, "Third call about the same bill.", csr);
    }

    /** Reads a directory written for a test and makes sure it is valid, so a test never routes with a broken one. */
    static TenantDirectory directory(String yaml) {
        TenantDirectory directory = DirectoryDocuments.fromYaml(yaml);
        assertThat(DirectoryValidator.validate(directory)).as("violations of the test's own directory").isEmpty();
        return directory;
    }

    /** The 1-based line of the first line containing {@code text}, as the messages count them. */
    static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("'" + text + "' is not in the document");
    }
}
