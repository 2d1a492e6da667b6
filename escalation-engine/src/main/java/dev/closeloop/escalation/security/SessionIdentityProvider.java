package dev.closeloop.escalation.security;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.directory.Accounts;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * The console's session: the encrypted cookie names an account that logged in with its password earlier; this
 * gives it its role and tenant again on every request. An account removed from the seed file since loses its
 * session at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final Accounts accounts;

    public SessionIdentityProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return Uni.createFrom().item(() -> accounts.login(request.getPrincipal())
                .map(DirectoryIdentityProvider::identity)
                .orElseThrow(() -> {
                    Log.infof("Console session of username=%s ended: the account no longer exists",
                            request.getPrincipal());
                    return new AuthenticationFailedException();
                }));
    }
}
