package dev.closeloop.recording.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.closeloop.platform.problem.Problem;

/**
 * Lets {@link InternalApi} requests through only with the internal token. Without a configured token the
 * internal API does not exist (404), so a deployment that never set one exposes nothing to guess at. Tenant
 * API keys are not looked at: they are the telephony platform's, and open nothing here.
 */
@Provider
@InternalApi
@Priority(Priorities.AUTHENTICATION)
public class InternalTokenFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final InternalToken token;

    public InternalTokenFilter(InternalToken token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!token.configured()) {
            request.abortWith(problem(404, "Not Found", null).build());
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean bearer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (!bearer || !token.matches(header.substring(BEARER.length()))) {
            request.abortWith(problem(401, "Unauthorized",
                    header == null ? "an Authorization: Bearer <internal token> header is required"
                            : "the internal token is not valid")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"closeloop-internal\"")
                    .build());
        }
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail));
    }
}
