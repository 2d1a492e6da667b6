package dev.closeloop.escalation.console;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.logging.Log;

/** How the console answers a form post it refuses for want of its CSRF token. */
public class ConsoleExceptionMappers {

    @ServerExceptionMapper
    public Response csrfRefused(ConsoleCsrf.CsrfRefusedException e) {
        Log.infof("Console form refused: %s", e.getMessage());
        return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity("Nothing was changed: this form came from another site or from a page that is out of date. "
                        + "Go back, reload the page and try again.")
                .build();
    }
}
