package dev.closeloop.intake.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.closeloop.events.Survey;
import dev.closeloop.intake.mapping.SurveyMapping;
import dev.closeloop.intake.service.SurveyIntakeService;
import dev.closeloop.platform.apikey.CallingTenant;
import dev.closeloop.platform.apikey.TenantApiKeyRequired;
import dev.closeloop.platform.problem.Problem;
import dev.closeloop.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** The telephony platform's door: surveys in, each under the tenant its API key belongs to. */
@Path(SurveyResource.PATH)
@TenantApiKeyRequired
@Tag(name = "Surveys", description = "Completed post-call surveys from the telephony platform")
@SecurityScheme(securitySchemeName = "tenantApiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The tenant's API key: Authorization: Bearer <key>")
@SecurityRequirement(name = "tenantApiKey")
@APIResponse(responseCode = "401", description = "Missing or unknown API key",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "The API key is over its rate limit; nothing stored",
        headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait (at least 1)",
                schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER)),
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SurveyResource {

    static final String PATH = "/api/v1/surveys";

    private final SurveyIntakeService intake;
    private final CallingTenant callingTenant;

    public SurveyResource(SurveyIntakeService intake, CallingTenant callingTenant) {
        this.intake = intake;
        this.callingTenant = callingTenant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a completed survey",
            description = "Idempotent on surveyId: the same survey again answers the same 202 and raises nothing "
                    + "twice; different content under a known surveyId answers 409.")
    @APIResponse(responseCode = "202", description = "Accepted (first time or identical replay)",
            headers = @Header(name = HttpHeaders.LOCATION, description = "/api/v1/surveys/{surveyId}",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SurveyAccepted.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (a field over its limit, not UTF-8, a key twice): "
            + "one entry per offending field; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The surveyId was already accepted with different content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content-Type is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(@Valid @NotNull(message = "a survey is required") SurveySubmission body) {
        String tenant = callingTenant.id();
        String surveyId = body.surveyId();
        return intake.submit(tenant, SurveyMapping.toSurvey(body))
                .map(outcome -> Response.accepted(SurveyAccepted.of(surveyId, tenant))
                        // Exactly the contract's relative path, not an absolute URI built from the Host header.
                        .header(HttpHeaders.LOCATION, PATH + "/" + surveyId)
                        .build());
    }

    @GET
    @Path("{surveyId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a survey as it was stored")
    @APIResponse(responseCode = "200", description = "The survey",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Survey.class)))
    @APIResponse(responseCode = "404", description = "No survey with this id for the calling tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Survey> get(@PathParam("surveyId") String surveyId) {
        return intake.find(callingTenant.id(), surveyId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("no survey " + surveyId));
    }
}
