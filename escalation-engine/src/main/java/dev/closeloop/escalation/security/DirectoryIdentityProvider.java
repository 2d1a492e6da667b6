package dev.closeloop.escalation.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.escalation.directory.Accounts;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks HTTP Basic credentials against the directory's accounts (bcrypt). The identity carries the
 * account's role and its tenant, as the {@link TenantPrincipal} and the {@value #TENANT} attribute:
 * the tenant of every query comes from here and nowhere else.
 */
@ApplicationScoped
public class DirectoryIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Identity attribute holding the caller's tenant id. */
    public static final String TENANT = "tenant";

    private final Accounts accounts;
    /** Checked when the username is unknown, so that the answer takes as long as for a wrong password. */
    private final String decoyHash;

    public DirectoryIdentityProvider(Accounts accounts) {
        this.accounts = accounts;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoyHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random));
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        // bcrypt is deliberately slow: never on the event loop
        return context.runBlocking(() -> verify(request.getUsername(),
                new String(request.getPassword().getPassword())));
    }

    SecurityIdentity verify(String username, String password) {
        Optional<Accounts.Login> login = accounts.login(username);
        String hash = login.map(l -> l.account().passwordHash()).orElse(decoyHash);
        boolean matches = BcryptUtil.matches(password, hash);
        if (login.isEmpty()) {
            // an unknown "username" is often a password typed into the wrong field: never log it as typed
            Log.debugf("Refused login for an unknown username (sha256 %s...)", shortHash(username));
            throw new AuthenticationFailedException();
        }
        if (!matches) {
            Log.debugf("Refused login for username=%s: wrong password", login.get().account().username());
            throw new AuthenticationFailedException();
        }
        return identity(login.get());
    }

    /** Enough of a digest to tell repeated attempts apart in a log, too little to recover what was typed. */
    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The identity of an account, with its role and tenant. */
    static SecurityIdentity identity(Accounts.Login found) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new TenantPrincipal(found.account().username(), found.tenant()))
                .addRole(found.account().role())
                .addAttribute(TENANT, found.tenant())
                .build();
    }
}
