package org.guildhall.platform.rest;

import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.ValidationFailedException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every failure of a resource into problem+json; nothing else ever leaves the API. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProblemException e) {
            return e.problem().at(path(uri)).toResponse();
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            ProblemType type = ProblemType.forStatus(status);
            String detail = switch (status) {
                case 404 -> "There is nothing at this address.";
                case 405 -> "This address does not accept that method.";
                case 403 -> "Your account is not allowed to do this.";
                case 401 -> "This endpoint needs a bearer access token.";
                case 415 -> "Send the body as application/json.";
                case 406 -> "This endpoint answers application/json.";
                default -> status >= 500 ? "The server could not complete the request." : "The request could not be understood.";
            };
            Response problem = new Problem(type, detail, path(uri), List.of()).toResponse();
            if (status != type.status()) {
                return Response.fromResponse(problem).status(status).build();
            }
            return problem;
        }
    }

    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), "constraint", v.getMessage()))
                    .toList();
            return new Problem(ProblemType.VALIDATION_FAILED, "Some fields are not valid.", path(uri), errors).toResponse();
        }

        private static String lastNode(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? path : path.substring(dot + 1);
        }
    }

    @Provider
    public static class ValidationFailedMapper implements ExceptionMapper<ValidationFailedException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ValidationFailedException e) {
            return new Problem(ProblemType.VALIDATION_FAILED, e.getMessage(), path(uri), e.errors()).toResponse();
        }
    }

    @Provider
    public static class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessingException e) {
            return new Problem(ProblemType.BAD_REQUEST, "The body is not valid JSON for this endpoint.", path(uri), List.of())
                    .toResponse();
        }
    }

    @Provider
    public static class JsonbMapper implements ExceptionMapper<jakarta.json.bind.JsonbException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(jakarta.json.bind.JsonbException e) {
            return new Problem(ProblemType.BAD_REQUEST, "The body is not valid JSON for this endpoint.", path(uri), List.of())
                    .toResponse();
        }
    }

    @Provider
    public static class JsonParsingMapper implements ExceptionMapper<JsonParsingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonParsingException e) {
            return new Problem(ProblemType.BAD_REQUEST, "The body is not valid JSON.", path(uri), List.of()).toResponse();
        }
    }

    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
            return new Problem(ProblemType.INTERNAL_ERROR,
                    "The server failed unexpectedly. Quote incident " + incident + " when reporting it.", path(uri), List.of())
                    .toResponse();
        }
    }
}
