package dev.closeloop.notification.email;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.events.AlertReady;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders an alert with the type-safe Qute templates {@code templates/AlertEmailRenderer/html.html} and
 * {@code text.txt}. The HTML template escapes every value (Qute's default for {@code .html}); nothing in
 * it is emitted raw, so a customer comment cannot inject markup into a manager's inbox.
 */
@ApplicationScoped
public class AlertEmailRenderer {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance html(AlertView alert);

        static native TemplateInstance text(AlertView alert);
    }

    /** Rendering is CPU only (templates are parsed at start-up): safe on the event loop. */
    public RenderedEmail render(AlertReady alert) {
        AlertView view = AlertView.of(alert);
        return new RenderedEmail(view.subject(), Templates.html(view).render(), Templates.text(view).render());
    }
}
