package dev.closeloop.notification.email;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.AlertReady;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders an alert with the type-safe Qute templates {@code templates/AlertEmailRenderer/html.html} and
 * {@code text.txt}, and several alerts sent as one email (a digest, a burst group) with {@code batchHtml.html}
 * and {@code batchText.txt}. The HTML template escapes every value (Qute's default for {@code .html}); nothing in
 * it is emitted raw, so a customer comment cannot inject markup into a manager's inbox.
 */
@ApplicationScoped
public class AlertEmailRenderer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance html(AlertView alert);

        static native TemplateInstance text(AlertView alert);

        static native TemplateInstance batchHtml(AlertBatchView batch);

        static native TemplateInstance batchText(AlertBatchView batch);
    }

    /** Rendering is CPU only (templates are parsed at start-up): safe on the event loop. */
    public RenderedEmail render(AlertReady alert) {
        AlertView view = AlertView.of(alert);
        return new RenderedEmail(view.subject(), Templates.html(view).render(), Templates.text(view).render());
    }

    /** One digest of every alert held for the recipient's working hours, oldest first. */
    public RenderedEmail renderDigest(List<AlertReady> alerts) {
        return render(AlertBatchView.digest(alerts));
    }

    /** One email of the further alerts about an agent that came in within a burst window, oldest first. */
    public RenderedEmail renderGroup(List<AlertReady> alerts) {
        return render(AlertBatchView.group(alerts));
    }

    private static RenderedEmail render(AlertBatchView view) {
        return new RenderedEmail(view.subject(), Templates.batchHtml(view).render(),
                Templates.batchText(view).render());
    }
}
