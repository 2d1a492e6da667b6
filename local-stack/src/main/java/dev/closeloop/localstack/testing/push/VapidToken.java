package dev.closeloop.localstack.testing.push;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The VAPID credentials of a push request as a push service reads them (RFC 8292):
 * {@code Authorization: vapid t=<JWT>, k=<public key>}, the JWT signed with ES256 by the key {@code k}.
 */
public record VapidToken(String publicKey, JsonNode header, JsonNode claims) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Parses the header and checks the signature with {@code k}.
     *
     * @throws AssertionError when the header is not a VAPID one or the signature does not verify
     */
    public static VapidToken verify(String authorization) throws Exception {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new AssertionError("not a vapid Authorization header: " + authorization);
        }
        String token = null;
        String key = null;
        for (String part : authorization.substring("vapid ".length()).split(",")) {
            String[] nameValue = part.strip().split("=", 2);
            if (nameValue[0].equals("t")) {
                token = nameValue[1];
            } else if (nameValue[0].equals("k")) {
                key = nameValue[1];
            }
        }
        if (token == null || key == null) {
            throw new AssertionError("vapid header without t= or k=: " + authorization);
        }
        String[] jwt = token.split("\\.");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(TestBrowser.publicKeyOf(Base64.getUrlDecoder().decode(key)));
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
            throw new AssertionError("the VAPID JWT's ES256 signature does not verify with k");
        }
        return new VapidToken(key, json(jwt[0]), json(jwt[1]));
    }

    /** The audience must be the endpoint's origin. */
    public boolean isFor(String endpoint) {
        URI uri = URI.create(endpoint);
        return (uri.getScheme() + "://" + uri.getAuthority()).equals(claims.path("aud").asText());
    }

    public Instant expiresAt() {
        return Instant.ofEpochSecond(claims.path("exp").asLong());
    }

    private static JsonNode json(String base64Url) throws java.io.IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(base64Url));
    }
}
