package dev.closeloop.notification.push;

import java.util.Base64;

/** Base64url as browsers hand out keys: with or without padding. */
public final class Base64Url {

    private Base64Url() {
    }

    /** @throws IllegalArgumentException naming {@code what} when the text is absent or not base64url */
    public static byte[] decode(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64url", e);
        }
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
