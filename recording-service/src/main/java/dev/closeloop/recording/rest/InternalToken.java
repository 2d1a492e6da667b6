package dev.closeloop.recording.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.enterprise.context.ApplicationScoped;

import dev.closeloop.recording.Hashes;
import dev.closeloop.recording.config.InternalApiConfig;

/**
 * The configured internal token, as a digest. A bean of its own because filters are built before runtime
 * configuration exists; this one is made at the first internal request.
 */
@ApplicationScoped
public class InternalToken {

    /** SHA-256 of the configured token, or null when the internal API is off. */
    private final byte[] expected;

    public InternalToken(InternalApiConfig config) {
        this.expected = config.token().map(String::strip).filter(value -> !value.isEmpty())
                .map(InternalToken::digest).orElse(null);
    }

    public boolean configured() {
        return expected != null;
    }

    /** Digests of equal length, compared in constant time: timing tells neither the token nor its length. */
    public boolean matches(String presented) {
        return expected != null && presented != null && MessageDigest.isEqual(expected, digest(presented.strip()));
    }

    private static byte[] digest(String token) {
        return Hashes.sha256().digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
