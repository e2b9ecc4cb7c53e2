package org.guildhall.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.RejectedException;
import org.guildhall.platform.validation.ValidationFailedException;

/**
 * Turns every failure of a resource into problem+json; nothing else ever leaves the API. The decision is
 * made by {@link #toProblem}, which needs no JAX-RS runtime, so that every branch has a unit test.
 */
@Provider
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        Problem problem = toProblem(e).at(uri == null ? null : uri.getRequestUri().getRawPath());
        Response response = problem.toResponse();
        if (e instanceof RejectedException r && r.errorCode().isPresent()) {
            response = Response.fromResponse(response).header("X-Error-Code", r.errorCode().get()).build();
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() != problem.type().status()) {
            // keep the exact status (e.g. 429) even when only a generic type describes it
            return Response.fromResponse(response).status(w.getResponse().getStatus()).build();
        }
        return response;
    }

    public static Problem toProblem(Throwable e) {
        if (e instanceof ProblemException p) {
            return p.problem();
        }
        if (e instanceof ValidationFailedException v) {
            return new Problem(ProblemType.VALIDATION_FAILED, v.getMessage(), null, v.errors());
        }
        if (e instanceof RejectedException r) {
            return Problem.of(switch (r.reason()) {
                case NOT_FOUND -> ProblemType.NOT_FOUND;
                case FORBIDDEN -> ProblemType.FORBIDDEN;
                case CONFLICT -> ProblemType.CONFLICT;
                case TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
                case UNPROCESSABLE -> ProblemType.VALIDATION_FAILED;
                case PAYMENT_REQUIRED -> ProblemType.PAYMENT_REQUIRED;
            }, r.getMessage());
        }
        if (e instanceof ConstraintViolationException c) {
            List<FieldError> errors = c.getConstraintViolations().stream()
                    .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), "constraint", List.of(), v.getMessage()))
                    .toList();
            return new Problem(ProblemType.VALIDATION_FAILED, "Some fields are not valid.", null, errors);
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return Problem.of(ProblemType.forStatus(status), detailFor(status));
        }
        if (e instanceof JsonbException || e instanceof JsonParsingException || e instanceof ProcessingException) {
            return Problem.of(ProblemType.BAD_REQUEST, "The body is not valid JSON for this endpoint.");
        }
        if (Causes.any(e, OptimisticLockException.class::isInstance)) {
            return Problem.of(ProblemType.CONFLICT, "Someone else changed this at the same time. Load it again and retry.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return Problem.of(ProblemType.INTERNAL_ERROR,
                "The server failed unexpectedly. Quote incident " + incident + " when reporting it.");
    }

    /** The sentence that explains a bare HTTP status to an API client. */
    public static String detailFor(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 403 -> "Your account is not allowed to do this.";
            case 401 -> "This endpoint needs a bearer access token.";
            case 415 -> "Send the body as application/json.";
            case 406 -> "This endpoint answers application/json.";
            default -> status >= 500 ? "The server could not complete the request." : "The request could not be understood.";
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
