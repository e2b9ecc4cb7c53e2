package org.guildhall.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.guildhall.platform.validation.FieldError;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void rendersTheMembersOfRfc9457AndTheFieldErrors() {
        JsonObject json = new Problem(ProblemType.VALIDATION_FAILED, "Some fields are not valid.", "/api/v1/me",
                List.of(FieldError.of("displayName", "profile.displayName.required"))).toJson();
        assertThat(json.getString("type")).isEqualTo("https://guildhall.org/problems/validation-failed");
        assertThat(json.getString("title")).isEqualTo("The input is not valid");
        assertThat(json.getInt("status")).isEqualTo(422);
        assertThat(json.getString("detail")).isEqualTo("Some fields are not valid.");
        assertThat(json.getString("instance")).isEqualTo("/api/v1/me");
        JsonObject error = json.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("displayName");
        assertThat(error.getString("message")).isEqualTo("Enter a display name.");
    }

    @Test
    void mapsEveryStatusToAType() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(413)).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL_ERROR);
    }
}
