package dev.closeloop.escalation.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.closeloop.escalation.directory.DirectoryDocuments;
import dev.closeloop.escalation.directory.Manager;
import dev.closeloop.escalation.directory.Roles;
import dev.closeloop.escalation.directory.RoutingPolicy;
import dev.closeloop.escalation.directory.RoutingRule;
import dev.closeloop.escalation.directory.Site;
import dev.closeloop.escalation.directory.Team;
import dev.closeloop.escalation.directory.TenantDirectory;
import dev.closeloop.escalation.repository.DirectoryRepository;
import dev.closeloop.escalation.service.DirectoryService;
import dev.closeloop.escalation.service.EscalationLifecycleService.Caller;
import dev.closeloop.platform.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * The caller's tenant directory, for tenant admins: the whole document (JSON or YAML, which is also
 * the import and export format) and its parts one at a time. Every change is validated as a whole and
 * refused with every problem named; If-Match with the ETag last read guards against overwriting
 * another admin's change (without it the change applies to whatever is current).
 */
@Path("/api/v1/admin/directory")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Directory administration")
public class DirectoryAdminResource {

    public static final String YAML = "application/yaml";
    static final String IF_MATCH = "The directory's ETag as last read, e.g. \"4\"; optional";

    /** A past version of the directory: who stored it and when. */
    public record Revision(long version, java.time.Instant changedAt, String changedBy) {
    }

    private final DirectoryService directories;
    private final CurrentIdentityAssociation identity;

    public DirectoryAdminResource(DirectoryService directories, CurrentIdentityAssociation identity) {
        this.directories = directories;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's directory as JSON", description = "With its version as ETag.")
    @APIResponse(responseCode = "200", description = "The directory",
            content = @Content(schema = @Schema(implementation = TenantDirectory.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no directory yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<String>> getJson() {
        return read(DirectoryDocuments::toJson);
    }

    @GET
    @Produces({ YAML, "text/yaml" })
    @Operation(summary = "Export the tenant's directory as YAML", description = "The same document an import takes.")
    public Uni<RestResponse<String>> getYaml() {
        return read(DirectoryDocuments::toYaml);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the whole directory (JSON)")
    @RequestBody(content = @Content(schema = @Schema(implementation = TenantDirectory.class)))
    @APIResponse(responseCode = "200", description = "Stored; the body is the directory as stored, ETag its version")
    @APIResponse(responseCode = "400", description = "Every problem, each named by its path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Someone changed the directory since the If-Match version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<String>> putJson(String body,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TenantDirectory proposed = DirectoryDocuments.fromJson(body);
        return caller().flatMap(caller -> directories.replace(caller.tenant(), proposed, ETags.version(ifMatch),
                caller.username())).map(stored -> answer(stored, DirectoryDocuments::toJson));
    }

    @PUT
    @Consumes({ YAML, "text/yaml" })
    @Produces(YAML)
    @Operation(summary = "Import a whole directory (YAML)", description = "Replaces the directory with the document; "
            + "an export of another tenant imports as it is (its id is taken as this tenant's).")
    public Uni<RestResponse<String>> putYaml(String body,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TenantDirectory proposed = DirectoryDocuments.fromYaml(body);
        return caller().flatMap(caller -> directories.replace(caller.tenant(), proposed.withId(caller.tenant()),
                ETags.version(ifMatch), caller.username())).map(stored -> answer(stored, DirectoryDocuments::toYaml));
    }

    @GET
    @Path("/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who changed the directory, and when", description = "The last 100 versions, newest first.")
    public Uni<List<Revision>> history() {
        return caller().flatMap(caller -> directories.history(caller.tenant(), 100))
                .map(stored -> stored.stream().map(DirectoryAdminResource::revision).toList());
    }

    @PUT
    @Path("/sites/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or replace a site")
    @RequestBody(content = @Content(schema = @Schema(implementation = Site.class)))
    public Uni<RestResponse<String>> putSite(@PathParam("id") String id, String body,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Site site = DirectoryDocuments.fromJson(body, Site.class);
        Site named = new Site(id, site.name(), site.timeZone(), site.businessHours(), site.holidays());
        checkId("id", site.id(), id);
        return update(ifMatch, d -> new TenantDirectory(d.id(), d.name(), upsert(d.sites(), Site::id, named),
                d.managers(), d.teams(), d.routing()));
    }

    @DELETE
    @Path("/sites/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a site", description = "Refused (400) while a team, manager or rule names it.")
    public Uni<RestResponse<String>> deleteSite(@PathParam("id") String id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return update(ifMatch, d -> new TenantDirectory(d.id(), d.name(), remove(d.sites(), Site::id, id, "site"),
                d.managers(), d.teams(), d.routing()));
    }

    @PUT
    @Path("/managers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or replace a manager")
    @RequestBody(content = @Content(schema = @Schema(implementation = Manager.class)))
    public Uni<RestResponse<String>> putManager(@PathParam("id") String id, String body,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Manager m = DirectoryDocuments.fromJson(body, Manager.class);
        checkId("id", m.id(), id);
        Manager named = new Manager(id, m.name(), m.email(), m.locale(), m.timeZone(), m.site(), m.channels(),
                m.workingHours());
        return update(ifMatch, d -> new TenantDirectory(d.id(), d.name(), d.sites(),
                upsert(d.managers(), Manager::id, named), d.teams(), d.routing()));
    }

    @DELETE
    @Path("/managers/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a manager", description = "Refused (400) while a team or rule names them.")
    public Uni<RestResponse<String>> deleteManager(@PathParam("id") String id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return update(ifMatch, d -> new TenantDirectory(d.id(), d.name(), d.sites(),
                remove(d.managers(), Manager::id, id, "manager"), d.teams(), d.routing()));
    }

    @PUT
    @Path("/teams/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or replace a team")
    @RequestBody(content = @Content(schema = @Schema(implementation = Team.class)))
    public Uni<RestResponse<String>> putTeam(@PathParam("id") String id, String body,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Team team = DirectoryDocuments.fromJson(body, Team.class);
        checkId("id", team.id(), id);
        Team named = new Team(id, team.name(), team.site(), team.managers());
        return update(ifMatch, d -> new TenantDirectory(d.id(), d.name(), d.sites(), d.managers(),
                upsert(d.teams(), Team::id, named), d.routing()));
    }

    @DELETE
    @Path("/teams/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a team", description = "Refused (400) while a rule names it.")
    public Uni<RestResponse<String>> deleteTeam(@PathParam("id") String id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return update(ifMatch, d -> new TenantDirectory(d.id(), d.name(), d.sites(), d.managers(),
                remove(d.teams(), Team::id, id, "team"), d.routing()));
    }

    @PUT
    @Path("/rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add or replace a routing rule", description = "A new rule goes last; a replaced one "
            + "keeps its place (rules are tried in order).")
    @RequestBody(content = @Content(schema = @Schema(implementation = RoutingRule.class)))
    public Uni<RestResponse<String>> putRule(@PathParam("id") String id, String body,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RoutingRule rule = DirectoryDocuments.fromJson(body, RoutingRule.class);
        checkId("id", rule.id(), id);
        RoutingRule named = new RoutingRule(id, rule.description(), rule.match(), rule.clock(), rule.levels());
        return update(ifMatch, d -> withRules(d, upsert(d.routing().rules(), RoutingRule::id, named)));
    }

    @DELETE
    @Path("/rules/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove a routing rule")
    public Uni<RestResponse<String>> deleteRule(@PathParam("id") String id,
            @Parameter(description = IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return update(ifMatch, d -> withRules(d, remove(d.routing().rules(), RoutingRule::id, id, "rule")));
    }

    private Uni<RestResponse<String>> read(Function<TenantDirectory, String> format) {
        return caller().flatMap(caller -> directories.require(caller.tenant())).map(stored -> answer(stored, format));
    }

    private Uni<RestResponse<String>> update(String ifMatch, UnaryOperator<TenantDirectory> change) {
        return caller().flatMap(caller -> directories.update(caller.tenant(), change, ETags.version(ifMatch),
                caller.username())).map(stored -> answer(stored, DirectoryDocuments::toJson));
    }

    private Uni<Caller> caller() {
        return identity.getDeferredIdentity().map(Callers::of);
    }

    private static RestResponse<String> answer(DirectoryService.Versioned stored, Function<TenantDirectory, String> format) {
        return RestResponse.ResponseBuilder.ok(format.apply(stored.directory()))
                .header(HttpHeaders.ETAG, ETags.of(stored.version())).build();
    }

    private static TenantDirectory withRules(TenantDirectory d, List<RoutingRule> rules) {
        return new TenantDirectory(d.id(), d.name(), d.sites(), d.managers(), d.teams(),
                new RoutingPolicy(d.routing().fallback(), rules));
    }

    private static Revision revision(DirectoryRepository.Stored stored) {
        return new Revision(stored.version(), stored.changedAt(), stored.changedBy());
    }

    /** A body may leave its id out, but must not name another one than the path. */
    private static void checkId(String field, String bodyId, String pathId) {
        if (bodyId != null && !bodyId.equals(pathId)) {
            throw new dev.closeloop.escalation.service.InvalidFieldException(field,
                    "is '" + bodyId + "' but the path names '" + pathId + "'");
        }
    }

    private static <T> List<T> upsert(List<T> items, Function<T, String> id, T item) {
        List<T> changed = new ArrayList<>(items);
        for (int i = 0; i < changed.size(); i++) {
            if (id.apply(item).equals(id.apply(changed.get(i)))) {
                changed.set(i, item);
                return changed;
            }
        }
        changed.add(item);
        return changed;
    }

    private static <T> List<T> remove(List<T> items, Function<T, String> id, String removed, String what) {
        List<T> kept = items.stream().filter(item -> !removed.equals(id.apply(item))).toList();
        if (kept.size() == items.size()) {
            throw new dev.closeloop.platform.problem.ProblemException(404, "Not Found",
                    "the directory has no " + what + " '" + removed + "'");
        }
        return kept;
    }
}
