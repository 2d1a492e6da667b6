package dev.closeloop.escalation.console;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Logging in and out. The login form posts to Quarkus' form authentication ({@code /console/j_security_check}),
 * which checks the directory's accounts and sets the encrypted session cookie; logging out removes the cookie.
 */
@Path("/console")
public class ConsoleLoginResource {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(boolean error, boolean loggedOut);
    }

    private final String sessionCookie;
    private final ConsoleCsrf csrf;

    public ConsoleLoginResource(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String sessionCookie,
            ConsoleCsrf csrf) {
        this.sessionCookie = sessionCookie;
        this.csrf = csrf;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@QueryParam("error") String error, @QueryParam("loggedOut") String loggedOut) {
        return ConsolePages.html(Templates.login(error != null, loggedOut != null));
    }

    /** A form post (so it carries the CSRF token: nobody else's page can log a manager out). */
    @POST
    @Path("logout")
    public Response logout(@RestForm(ConsoleCsrf.FIELD) String token) {
        csrf.verify(token);
        NewCookie expired = new NewCookie.Builder(sessionCookie).path("/console").value("").maxAge(0)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/console/login?loggedOut=true")).cookie(expired).build();
    }
}
