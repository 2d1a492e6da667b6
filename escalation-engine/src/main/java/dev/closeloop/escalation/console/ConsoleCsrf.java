package dev.closeloop.escalation.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * CSRF protection of the console's forms, double-submit style: a random token lives in the {@value #COOKIE}
 * cookie (HttpOnly, SameSite=Strict, console paths only) and in a hidden field of every form the console renders;
 * a post counts only when the two match. Another site can make a browser post a form here, but can read neither
 * the cookie nor the page, so it cannot know the token.
 * <p>
 * Written here rather than with quarkus-rest-csrf because that filter checks every form post of the whole service,
 * and the API's bodiless change posts and the one-tap acknowledge link must keep working without a console page
 * (they are safe without: the API needs If-Match, which no cross-site form can send; the link's token is its own
 * credential). Templates read the token as {@code {inject:csrf.token}}.
 */
@RequestScoped
@Named("csrf")
public class ConsoleCsrf {

    public static final String COOKIE = "closeloop-csrf";
    public static final String FIELD = "csrf-token";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private final CurrentVertxRequest request;
    private String token;

    public ConsoleCsrf(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The token for this page's forms: the browser's, or a new one sent with this response. */
    public String getToken() {
        if (token == null) {
            RoutingContext routing = request.getCurrent();
            Cookie existing = routing.request().getCookie(COOKIE);
            if (existing != null && wellFormed(existing.getValue())) {
                token = existing.getValue();
            } else {
                byte[] bytes = new byte[BYTES];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                routing.response().addCookie(Cookie.cookie(COOKIE, token).setPath("/console").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
            }
        }
        return token;
    }

    public String getParameterName() {
        return FIELD;
    }

    /** @throws CsrfRefusedException unless the form's token is the cookie's (compared in constant time) */
    public void verify(String formToken) {
        Cookie cookie = request.getCurrent().request().getCookie(COOKIE);
        if (formToken == null || cookie == null || !wellFormed(cookie.getValue())
                || !MessageDigest.isEqual(formToken.getBytes(StandardCharsets.UTF_8),
                        cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefusedException();
        }
    }

    private static boolean wellFormed(String value) {
        return value != null && value.length() == 43 && value.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || c == '-' || c == '_');
    }

    /** A console form post without the page's token: from another site, or a page older than the cookie. */
    public static class CsrfRefusedException extends RuntimeException {
        CsrfRefusedException() {
            super("the form's CSRF token is missing or does not match");
        }
    }
}
