package dev.closeloop.escalation.rest;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.closeloop.escalation.lifecycle.IllegalTransitionException;
import dev.closeloop.escalation.lifecycle.OutcomeNotAllowedException;
import dev.closeloop.escalation.directory.DirectoryDocuments;
import dev.closeloop.escalation.service.DirectoryVersionException;
import dev.closeloop.escalation.service.InvalidDirectoryException;
import dev.closeloop.escalation.service.InvalidFieldException;
import dev.closeloop.escalation.service.NoDirectoryException;
import dev.closeloop.escalation.service.StaleVersionException;
import dev.closeloop.platform.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * problem+json for this service's own failures: bad query parameters, refused lifecycle changes
 * (409 and 412 say where the escalation stands now), and the security answers
 * (authentication is lazy, so its failures reach the JAX-RS mappers instead of a bare challenge).
 */
public class EscalationProblemMappers {

    static final String CONSOLE_LOGIN = "/console/login";
    static final String CHALLENGE = "Basic realm=\"closeloop\", charset=\"UTF-8\"";

    @ServerExceptionMapper
    public Response invalidParameters(InvalidParametersException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.invalid(e.errors())).build();
    }

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e) {
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(new LifecycleProblem("about:blank", "Conflict",
                409, e.getMessage(), e.currentStatus(), null, null)).build();
    }

    @ServerExceptionMapper
    public Response staleVersion(StaleVersionException e) {
        String etag = EscalationResource.etag(e.currentVersion());
        return Response.status(412).header(HttpHeaders.ETAG, etag).type(Problem.MEDIA_TYPE)
                .entity(new LifecycleProblem("about:blank", "Precondition Failed", 412, e.getMessage(),
                        e.currentStatus(), etag, e.currentVersion()))
                .build();
    }

    @ServerExceptionMapper
    public Response outcomeNotAllowed(OutcomeNotAllowedException e) {
        return invalidField("outcome", e.getMessage());
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return invalidField(e.field(), e.getMessage());
    }

    private static Response invalidField(String field, String message) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(Problem.invalid(List.of(new Problem.FieldError(field, message)))).build();
    }

    @ServerExceptionMapper
    public Response invalidDirectory(InvalidDirectoryException e) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.invalid(e.violations().stream()
                .map(v -> new Problem.FieldError(v.path(), v.message())).toList())).build();
    }

    @ServerExceptionMapper
    public Response unreadableDirectory(DirectoryDocuments.UnreadableDirectoryException e) {
        return invalidField("body", e.getMessage());
    }

    @ServerExceptionMapper
    public Response staleDirectory(DirectoryVersionException e) {
        return Response.status(412).header(HttpHeaders.ETAG, ETags.of(e.currentVersion())).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(412, "Precondition Failed", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response noDirectory(NoDirectoryException e) {
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(Problem.of(404, "Not Found", e.getMessage()))
                .build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request) {
        if (isConsole(request)) {
            return Response.seeOther(URI.create(CONSOLE_LOGIN)).build();
        }
        return unauthorized("HTTP Basic credentials of a Closeloop account are required");
    }

    /** A wrong password on the console's login form goes back to the form, saying so; on the API, a 401. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        if (isConsole(request)) {
            return Response.seeOther(URI.create(CONSOLE_LOGIN + "?error=true")).build();
        }
        return unauthorized("the username or password is not valid");
    }

    private static boolean isConsole(HttpServerRequest request) {
        String path = request.path();
        return path.equals("/console") || path.startsWith("/console/");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, "Forbidden", "this account may not do that")).build();
    }

    private static Response unauthorized(String detail) {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "Unauthorized", detail)).build();
    }
}
