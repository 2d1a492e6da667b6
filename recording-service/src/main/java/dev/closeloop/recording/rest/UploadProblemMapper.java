package dev.closeloop.recording.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.closeloop.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;

/** Answers a refused upload with problem+json, then closes the connection (see {@link UploadRefusedException}). */
public class UploadProblemMapper {

    @ServerExceptionMapper
    public Response refused(UploadRefusedException e, HttpServerRequest request) {
        if (!request.isEnded()) {
            request.response().endHandler(ignored -> request.connection().close());
        }
        return Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .header("Connection", "close")
                .entity(Problem.of(e.status(), e.title(), e.getMessage()))
                .build();
    }
}
