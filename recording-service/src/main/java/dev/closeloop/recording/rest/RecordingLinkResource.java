package dev.closeloop.recording.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.PathPart;

import dev.closeloop.platform.problem.Problem;
import dev.closeloop.recording.ByteRange;
import dev.closeloop.recording.storage.RecordingStorage.LocalFile;
import dev.closeloop.recording.service.LinkAccess;
import dev.closeloop.recording.service.LinkAccessService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The links alerts carry: {@code /r/{token}} a page with a player, {@code /r/{token}/audio} the bytes. No
 * login: the unguessable, expiring token is the credential, so it never reaches a log, a Referer or a cache. Every
 * use, a token naming no link included, is audited.
 */
@Path("/r")
public class RecordingLinkResource {

    /** The page is for people; keep it out of caches, search engines and other sites' Referer logs. */
    private static final String PAGE_POLICY = "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance link(LinkPage page);
    }

    private final LinkAccessService access;

    public RecordingLinkResource(LinkAccessService access) {
        this.access = access;
    }

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The recording page a link opens", description = "An audio player for the call recording, "
            + "with the survey, the agent and when the link expires.")
    @APIResponse(responseCode = "200", description = "The player; or, when the recording has not been uploaded yet, "
            + "a page saying so (the link will work once it is)")
    @APIResponse(responseCode = "404", description = "Unknown link")
    @APIResponse(responseCode = "410", description = "The link has expired, or has been revoked; the page says which")
    public Uni<Response> page(@PathParam("token") String token, @Context HttpServerRequest request) {
        return access.page(token, client(request)).map(result -> {
            LinkPage page;
            if (result instanceof LinkAccess.Granted) {
                page = LinkPage.ready(((LinkAccess.Granted) result).link(), token);
            } else if (result instanceof LinkAccess.Pending) {
                page = LinkPage.pending(((LinkAccess.Pending) result).link());
            } else if (result instanceof LinkAccess.Expired) {
                page = LinkPage.expired(((LinkAccess.Expired) result).link());
            } else if (result instanceof LinkAccess.Revoked) {
                page = LinkPage.revoked();
            } else {
                page = LinkPage.missing();
            }
            return Response.status(result.status())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Robots-Tag", "noindex, nofollow")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", PAGE_POLICY)
                    .entity(Templates.link(page).render())
                    .build();
        });
    }

    @GET
    @Path("{token}/audio")
    @Operation(summary = "The recording's bytes", description = "Streams the recording with its content type; "
            + "honours a single Range (bytes=a-b, bytes=a-, bytes=-n).")
    @APIResponse(responseCode = "200", description = "The whole recording")
    @APIResponse(responseCode = "206", description = "The requested range, with Content-Range")
    @APIResponse(responseCode = "404", description = "Unknown link, or the recording has not been uploaded yet")
    @APIResponse(responseCode = "410", description = "The link has expired, or has been revoked; the problem says which")
    @APIResponse(responseCode = "416", description = "The range lies outside the recording; Content-Range: bytes */size")
    public Uni<Response> audio(@PathParam("token") String token, @HeaderParam("Range") String range,
            @Context HttpServerRequest request) {
        return access.audio(token, range, client(request)).map(result -> {
            if (result instanceof LinkAccess.Granted) {
                return bytes((LinkAccess.Granted) result);
            }
            if (result instanceof LinkAccess.RangeNotSatisfiable) {
                return problem(416, "Range Not Satisfiable", "the range lies outside the recording")
                        .header("Content-Range", ((LinkAccess.RangeNotSatisfiable) result).range().contentRange())
                        .header("Accept-Ranges", "bytes")
                        .build();
            }
            if (result instanceof LinkAccess.Expired) {
                return problem(410, "Gone", "this recording link has expired").build();
            }
            if (result instanceof LinkAccess.Revoked) {
                return problem(410, "Gone", "this recording link has been revoked").build();
            }
            if (result instanceof LinkAccess.Pending) {
                return problem(404, "Not Found", "the recording has not been uploaded yet; try again later").build();
            }
            return problem(404, "Not Found", "no such recording link").build();
        });
    }

    private static Response bytes(LinkAccess.Granted granted) {
        LocalFile file = (LocalFile) granted.content();
        Response.ResponseBuilder response;
        if (granted.range() instanceof ByteRange.Partial) {
            ByteRange.Partial partial = (ByteRange.Partial) granted.range();
            response = Response.status(206)
                    .header("Content-Range", partial.contentRange())
                    .entity(new PathPart(file.path(), partial.first(), partial.length()));
        } else {
            response = Response.ok(new PathPart(file.path(), 0, file.size()));
        }
        return response.type(granted.recording().contentType)
                .header("Accept-Ranges", "bytes")
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static Response.ResponseBuilder problem(int status, String title, String detail) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(Problem.of(status, title, detail));
    }

    private static LinkAccessService.Client client(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return new LinkAccessService.Client(remote == null ? null : remote.hostAddress(),
                request.getHeader(HttpHeaders.USER_AGENT));
    }
}
