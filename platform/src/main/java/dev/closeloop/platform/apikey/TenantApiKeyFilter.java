package dev.closeloop.platform.apikey;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.closeloop.platform.problem.Problem;

/**
 * Answers 401 unless the request carries a known tenant API key, and 429 with {@code Retry-After} when that
 * key is over its rate limit; otherwise records the tenant. Both happen before the body is used, so a refused
 * request stores nothing.
 */
@Provider
@TenantApiKeyRequired
@Priority(Priorities.AUTHENTICATION)
public class TenantApiKeyFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final TenantApiKeys keys;
    private final ApiKeyRateLimit rateLimit;
    private final CallingTenant callingTenant;

    public TenantApiKeyFilter(TenantApiKeys keys, ApiKeyRateLimit rateLimit, CallingTenant callingTenant) {
        this.keys = keys;
        this.rateLimit = rateLimit;
        this.callingTenant = callingTenant;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<TenantApiKeys.Match> key = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? keys.authenticate(header.substring(BEARER.length()).strip())
                : Optional.empty();
        if (key.isEmpty()) {
            request.abortWith(Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"closeloop\"")
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(401, "Unauthorized",
                            header == null ? "an Authorization: Bearer <tenant API key> header is required"
                                    : "the API key is not valid"))
                    .build());
            return;
        }
        Optional<Duration> wait = rateLimit.tryAcquire(key.get().tenant(), key.get().keyHash());
        if (wait.isPresent()) {
            long seconds = retryAfterSeconds(wait.get());
            request.abortWith(Response.status(429)
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(429, "Too Many Requests", "over the rate limit of " + rateLimit.describe()
                            + "; retry after " + seconds + " s"))
                    .build());
            return;
        }
        callingTenant.set(key.get().tenant());
    }

    /** Whole seconds, rounded up and at least 1: a client that waits that long is sure to get through. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
