package org.guildhall.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import java.util.List;
import org.guildhall.platform.validation.FieldError;
import org.guildhall.platform.validation.ValidationFailedException;
import org.junit.jupiter.api.Test;

/** The answers that are hard to provoke from outside (409, 500) get the same problem+json as the rest. */
class ProblemMappersTest {

    @Test
    void aConcurrentChangeIs409() {
        assertThat(ProblemMappers.toProblem(new OptimisticLockException("stale")).type()).isEqualTo(ProblemType.CONFLICT);
    }

    @Test
    void aConcurrentChangeWrappedByTheTransactionIsStill409() {
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new OptimisticLockException("stale"));
        assertThat(ProblemMappers.toProblem(new IllegalStateException(rollback)).type()).isEqualTo(ProblemType.CONFLICT);
    }

    @Test
    void anUnexpectedFailureIs500WithAnIncidentAndNoInternals() {
        Problem p = ProblemMappers.toProblem(new NullPointerException("secret internals"));
        assertThat(p.type()).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(p.toJson().getInt("status")).isEqualTo(500);
        assertThat(p.detail()).contains("incident").doesNotContain("secret").doesNotContain("NullPointer");
    }

    @Test
    void malformedJsonIs400() {
        assertThat(ProblemMappers.toProblem(new JsonbException("Unexpected EOF")).type()).isEqualTo(ProblemType.BAD_REQUEST);
    }

    @Test
    void validationFailuresListEveryField() {
        Problem p = ProblemMappers.toProblem(new ValidationFailedException(List.of(
                FieldError.of("displayName", "profile.displayName.required"), FieldError.of("bio", "profile.field.markup"))));
        assertThat(p.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(p.toJson().getJsonArray("errors")).hasSize(2);
    }

    @Test
    void aProblemExceptionAnswersItsOwnProblem() {
        Problem p = ProblemMappers.toProblem(new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "too big"));
        assertThat(p.type().status()).isEqualTo(413);
        assertThat(p.detail()).isEqualTo("too big");
    }
}
