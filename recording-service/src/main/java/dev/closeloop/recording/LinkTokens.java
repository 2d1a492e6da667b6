package dev.closeloop.recording;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Recording link tokens: 256 random bits, base64url without padding, so a token holds only
 * {@code [A-Za-z0-9_-]} and survives any mail client. Only a token's SHA-256 is stored: a copy of the
 * database does not open any recording. A fast hash suffices because the token itself has full entropy.
 */
public final class LinkTokens {

    private static final int RANDOM_BYTES = 32;
    /** 32 bytes in unpadded base64 are 43 characters. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private LinkTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The form tokens are stored and looked up in. */
    public static String hash(String token) {
        return Hashes.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the text could be a token at all; anything else is answered 404 without a lookup. */
    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
