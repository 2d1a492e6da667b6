package dev.closeloop.escalation.rest;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.closeloop.escalation.actions.ActionLink;
import dev.closeloop.escalation.actions.ActionLinks;
import dev.closeloop.escalation.config.ActionLinksConfig;
import dev.closeloop.escalation.lifecycle.IllegalTransitionException;
import dev.closeloop.escalation.service.EscalationLifecycleService;
import dev.closeloop.escalation.service.EscalationQueries;
import dev.closeloop.escalation.service.StaleVersionException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * The one-tap acknowledge link of the alert email, {@code /a/{token}}. No login: the signed, expiring token
 * bound to one recipient and one escalation is the credential.
 * <p>
 * GET never changes anything, because mail scanners and link previews fetch links before a person does: it
 * shows the escalation and, while it is open, a form that posts back to the same link (submitted by a tiny
 * script, so a person needs one tap; the button is there when scripts are off). POST acknowledges as the
 * recipient, once, and answers 303 to the page (Post/Redirect/Get), which says who acknowledged and when.
 */
@Path("/a/{token}")
@PermitAll
@Tag(name = "Action links")
public class ActionLinkResource {

    /** The query the POST redirects to when it was the one that acknowledged: the page then says "by you". */
    static final String JUST_ACKNOWLEDGED = "acknowledged";

    private static final SecureRandom RANDOM = new SecureRandom();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ActionLinkPage page);
    }

    private final ActionLinks links;
    private final EscalationQueries queries;
    private final EscalationLifecycleService lifecycle;
    private final boolean autoSubmit;

    public ActionLinkResource(ActionLinks links, EscalationQueries queries, EscalationLifecycleService lifecycle,
            ActionLinksConfig config) {
        this.links = links;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.autoSubmit = config.autoSubmit();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The page an acknowledge link opens", description = "Shows the escalation; while it is "
            + "OPEN, a form that POSTs to the same link. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The escalation, with the form while it is open, or who "
            + "acknowledged it and when")
    @APIResponse(responseCode = "404", description = "Not a link this service made")
    @APIResponse(responseCode = "410", description = "The link has expired")
    public Uni<Response> show(@PathParam("token") String token, @QueryParam(JUST_ACKNOWLEDGED) String done) {
        String nonce = nonce();
        return withLink(token, nonce, (link, detail) -> Uni.createFrom().item(page(200,
                ActionLinkPage.of(detail.escalation(), link, done != null, token, autoSubmit, nonce))));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Acknowledge through the link", description = "Acknowledges the OPEN escalation as the "
            + "link's recipient, once; then, or when it was acknowledged already, 303 to the link's page.")
    @APIResponse(responseCode = "303", description = "To the link's page, which says who acknowledged and when")
    @APIResponse(responseCode = "404", description = "Not a link this service made")
    @APIResponse(responseCode = "410", description = "The link has expired; nothing changed")
    public Uni<Response> acknowledge(@PathParam("token") String token) {
        return withLink(token, nonce(), (link, detail) -> lifecycle.acknowledgeFromEmailLink(
                new EscalationLifecycleService.Caller(link.tenant(), link.email()), link.escalationId())
                .map(acknowledged -> seeOther(token + "?" + JUST_ACKNOWLEDGED + "=1"))
                // acknowledged before, or by a concurrent request: nothing to do, the page says by whom
                .onFailure(e -> e instanceof IllegalTransitionException || e instanceof StaleVersionException)
                .recoverWithItem(e -> {
                    Log.infof("Acknowledge link of escalationId=%s surveyId=%s used by %s, not acknowledged: %s",
                            link.escalationId(), detail.escalation().surveyId, link.email(), e.getMessage());
                    return seeOther(token);
                }));
    }

    /** What a request does with a link that is genuine, current and its recipient's, and the escalation it names. */
    @FunctionalInterface
    interface LinkUse {
        Uni<Response> apply(ActionLink link, EscalationQueries.Detail detail);
    }

    /**
     * 404 for a token this service did not sign, for another action, or naming an escalation its tenant does
     * not have or its recipient was not told about (nothing tells these apart); 410 once expired; else the use.
     */
    private Uni<Response> withLink(String token, String nonce, LinkUse use) {
        Optional<ActionLink> verified = links.verify(token);
        if (verified.isEmpty() || verified.get().action() != ActionLink.Action.ACKNOWLEDGE) {
            return Uni.createFrom().item(page(404, ActionLinkPage.missing(nonce)));
        }
        ActionLink link = verified.get();
        if (links.expired(link)) {
            return Uni.createFrom().item(page(410, ActionLinkPage.expired(link, nonce)));
        }
        return queries.detail(link.tenant(), link.escalationId()).flatMap(detail -> {
            if (detail == null || !ActionLinkPage.isRecipient(detail.escalation(), link)) {
                return Uni.createFrom().item(page(404, ActionLinkPage.missing(nonce)));
            }
            return use.apply(link, detail);
        });
    }

    /**
     * Relative, so the browser stays on the host, scheme and path prefix it came through, whatever proxy
     * is in front: the link's last segment is the token.
     */
    private static Response seeOther(String relative) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, relative)
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    /** The page is for one person: keep it out of caches, search engines and other sites' Referer logs. */
    private static Response page(int status, ActionLinkPage page) {
        String policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-" + page.nonce()
                + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", policy)
                .entity(Templates.page(page).render())
                .build();
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
