package dev.closeloop.escalation.console;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/**
 * Every console answer goes out with the same protections: never cached (it is one tenant's data), never framed,
 * scripts and styles only from this service, media also from the recording-service's links.
 */
final class ConsolePages {

    private ConsolePages() {
    }

    static Response html(int status, TemplateInstance page, String mediaOrigin) {
        String media = mediaOrigin == null ? "'self'" : "'self' " + mediaOrigin;
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Content-Security-Policy", "default-src 'self'; media-src " + media + "; img-src 'self' "
                        + "data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
                .entity(page.render())
                .build();
    }

    /** The same page for an unknown id and another tenant's: nothing tells them apart. */
    static Response notFound() {
        return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity("There is no escalation with this id. Back to the console: /console").build();
    }

    static Response html(TemplateInstance page) {
        return html(200, page, null);
    }
}
