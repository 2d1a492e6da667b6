package dev.closeloop.notification.email;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.closeloop.events.AlertReady;
import dev.closeloop.events.Survey;

/**
 * One email about several alerts to one recipient: a digest of what was held for their working hours, or a
 * burst of further alerts about one agent. Each alert is an {@link AlertView}, laid out more briefly than in
 * an email of its own (escalations with reasons, customer, agent, call, comment, CSR note, recording link).
 *
 * @param title  what the email is, e.g. "3 alerts held for your working hours"
 * @param intro  why these alerts come together
 * @param urgent whether any alert is (the email is coloured accordingly)
 */
public record AlertBatchView(String subject, String title, String intro, boolean urgent, String recipientName,
        List<AlertView> alerts, String timeZone) {

    /** Everything held for the recipient's working hours, in the order it came in. */
    public static AlertBatchView digest(List<AlertReady> alerts) {
        List<AlertView> views = views(alerts);
        String title = count(views.size(), "alert") + " held for your working hours";
        return of("[Closeloop] " + title, title,
                (views.size() == 1 ? "This alert" : "These alerts")
                        + " came in outside your working hours and waited for them to start.",
                views);
    }

    /**
     * Further alerts about one agent that came in within the burst window after the first, which was sent at
     * once; in the order they came in.
     */
    public static AlertBatchView group(List<AlertReady> alerts) {
        List<AlertView> views = views(alerts);
        Survey.Agent agent = alerts.get(0).survey().agent();
        String name = agent == null || agent.name() == null || agent.name().isBlank() ? null : agent.name();
        String id = agent == null || agent.id() == null || agent.id().isBlank() ? AlertView.NOT_GIVEN : agent.id();
        // one line each: the title is also the subject, a header
        String about = (name == null ? "" : AlertView.oneLine(name) + " ") + "(agent " + AlertView.oneLine(id) + ")";
        Duration within = alerts.get(0).recipient().groupWithin();
        String title = views.size() + " more " + (views.size() == 1 ? "alert" : "alerts") + " about " + about
                + (within == null ? "" : " in the last " + words(within));
        return of("[Closeloop] " + title, title,
                "You were sent the first alert about " + about + " at once; "
                        + (views.size() == 1 ? "this one" : "these")
                        + (within == null ? " came in soon after it." : " came in within " + words(within)
                                + " of it, so they come together."),
                views);
    }

    private static AlertBatchView of(String subject, String title, String intro, List<AlertView> views) {
        AlertView first = views.get(0);
        return new AlertBatchView(subject, title, intro, views.stream().anyMatch(AlertView::urgent),
                first.recipientName(), views, first.timeZone());
    }

    private static List<AlertView> views(List<AlertReady> alerts) {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a batch email needs at least one alert");
        }
        return alerts.stream().map(AlertView::of).toList();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A window as a manager says it: "10 minutes", "1 hour 30 minutes", "45 seconds". */
    static String words(Duration duration) {
        List<String> parts = new ArrayList<>();
        if (duration.toHours() > 0) {
            parts.add(count((int) duration.toHours(), "hour"));
        }
        if (duration.toMinutesPart() > 0) {
            parts.add(count(duration.toMinutesPart(), "minute"));
        }
        if (duration.toSecondsPart() > 0 || parts.isEmpty()) {
            parts.add(count(duration.toSecondsPart(), "second"));
        }
        return String.join(" ", parts);
    }
}
