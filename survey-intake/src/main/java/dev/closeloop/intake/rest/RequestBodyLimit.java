package dev.closeloop.intake.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.closeloop.platform.problem.Problem;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} (64 KiB) with a 413 problem+json.
 *
 * <p>Quarkus enforces that limit itself, but with an empty 413 from a Vert.x route that runs before
 * JAX-RS, so no exception mapper ever sees it. This filter runs just before that route and does the same
 * for a declared {@code Content-Length} over the limit, but with a problem+json body. A chunked body
 * without a length is still cut off by Quarkus once it passes the limit, with its plain 413.
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** Runs before Quarkus' own limit route (order -2): filters are ordered by {@code -priority}. */
    private static final int PRIORITY = 100;

    private final long limit;
    private final String problem;

    public RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") String maxBodySize,
            ObjectMapper json) throws JsonProcessingException {
        this.limit = new MemorySizeConverter().convert(maxBodySize).asLongValue();
        this.problem = json.writeValueAsString(Problem.of(413, "Request Entity Too Large",
                "the body must not exceed " + limit + " bytes"));
    }

    void register(@Observes Filters filters) {
        filters.register(this::refuseDeclaredOversizeBody, PRIORITY);
    }

    private void refuseDeclaredOversizeBody(RoutingContext context) {
        if (declaredLength(context) <= limit) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        // The unread body is still on its way: close the connection after answering, as Quarkus does.
        response.setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(problem);
    }

    private static long declaredLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
