package dev.closeloop.intake.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.closeloop.platform.problem.Problem;
import dev.closeloop.platform.problem.ProblemException;

/**
 * What Jackson lets through but the contract does not: a body without a {@code Content-Type} (Quarkus REST
 * would read it as JSON) and text that is not UTF-8. Jackson decodes overlong and out-of-range UTF-8
 * sequences without complaint, so a survey could carry characters its sender never wrote; JSON must be UTF-8
 * (RFC 8259), so such a body is refused before it is read.
 */
@Provider
public class JsonBodyChecks implements ReaderInterceptor {

    @ServerRequestFilter
    public Response requireContentType(ContainerRequestContext request) {
        boolean sendsBody = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod());
        if (!sendsBody || request.getMediaType() != null) {
            return null;
        }
        return Response.status(415).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(415, "Unsupported Media Type", "Content-Type: application/json is required"))
                .build();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        // The body is at most 64 KiB (quarkus.http.limits.max-body-size) and already in memory.
        byte[] body = context.getInputStream().readAllBytes();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new ProblemException(400, "Malformed JSON", "the body is not valid UTF-8");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
