package org.guildhall.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.guildhall.platform.validation.FieldError;

/** An RFC 9457 problem document. */
public record Problem(ProblemType type, String detail, String instance, List<FieldError> errors) {

    /** One provider for every builder: {@code Json.create…} looks the provider up again on each call. */
    private static final jakarta.json.spi.JsonProvider JSON = jakarta.json.spi.JsonProvider.provider();

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null, List.of());
    }

    public Problem at(String instancePath) {
        return new Problem(type, detail, instancePath, errors);
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("type", type.uri().toString())
                .add("title", type.title())
                .add("status", type.status());
        if (detail != null) {
            b.add("detail", detail);
        }
        if (instance != null) {
            b.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            errors.forEach(e -> a.add(JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            b.add("errors", a);
        }
        return b.build();
    }

    public Response toResponse() {
        return Response.status(type.status()).type(MEDIA_TYPE + ";charset=UTF-8").entity(toJson().toString()).build();
    }

    /** Writes this problem as the whole answer (used outside JAX-RS: security, servlet errors). */
    public void writeTo(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(type.status());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        Writer w = response.getWriter();
        w.write(toJson().toString());
        w.flush();
    }
}
