package dev.closeloop.platform.apikey;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.closeloop.platform.problem.Problem;

/** Answers 401 unless the request carries a known tenant API key; otherwise records the tenant. */
@Provider
@TenantApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
public class TenantApiKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final TenantApiKeys keys;
    private final CallingTenant callingTenant;

    public TenantApiKeyFilter(TenantApiKeys keys, CallingTenant callingTenant) {
        this.keys = keys;
        this.callingTenant = callingTenant;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> tenant = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? keys.tenantOf(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (tenant.isEmpty()) {
            request.abortWith(Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"closeloop\"")
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(401, "Unauthorized",
                            header == null ? "an Authorization: Bearer <tenant API key> header is required"
                                    : "the API key is not valid"))
                    .build());
            return;
        }
        callingTenant.set(tenant.get());
    }
}
