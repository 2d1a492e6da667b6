package dev.closeloop.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;

/**
 * Turns every failure into {@code application/problem+json}. Details come only from messages written
 * for callers (validation messages, {@link ProblemException}); anything unexpected answers a bare
 * 500 and is logged here, so no stack trace or class name ever reaches a client.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(Problem.of(e.status(), e.title(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(Problem.invalid(errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        return respond(Problem.invalid(List.of(new Problem.FieldError(jsonPath(e), unreadableMessage(e)))));
    }

    /**
     * Quarkus REST ships its own mapper for this subtype (an {@code application/json} body, in dev and test
     * only); the closest type wins, so without this one a wrong JSON type would never answer problem+json.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return respond(Problem.of(400, "Malformed JSON",
                "the body is not valid JSON (line " + lineOf(e) + ")"));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("Request failed", e);
            return respond(Problem.of(status, "Internal Server Error", null));
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error";
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, null));
        // Keep the headers a standard answer carries (WWW-Authenticate, Allow, Retry-After).
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        Log.error("Unexpected failure while handling a request", e);
        return respond(Problem.of(500, "Internal Server Error", null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * {@code submit.request.answers[1].score} → {@code answers[1].score}: the path as the caller wrote
     * it. Hibernate Validator carries a list index on the node after the list, hence the look-back.
     */
    static String fieldPath(Path path) {
        StringBuilder field = new StringBuilder();
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            switch (node.getKind()) {
                case PARAMETER:
                    // The parameter itself is invalid (a path, query or header parameter): it is the field.
                    if (i == nodes.size() - 1) {
                        break;
                    }
                    continue;
                case METHOD:
                case RETURN_VALUE:
                case CROSS_PARAMETER:
                    continue;
                default:
                    break;
            }
            if (field.length() > 0 && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (field.length() > 0 && node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            // A constraint on a container element (List<@NotNull X>) has the synthetic name "<list element>".
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String unreadableMessage(JsonMappingException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid) {
            return "cannot be read as " + describe(invalid.getTargetType());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "has an unreadable value";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an ISO-8601 instant such as 2026-12-04T10:15:00Z";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }
}
