package org.guildhall.platform.validation;

import java.util.List;

/**
 * Input that breaks a rule of the domain. Carries one message per field; nothing has been changed when
 * it is thrown. REST answers 422, pages show each message at its field.
 */
public class ValidationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    public ValidationFailedException(List<FieldError> errors) {
        super("Some fields are not valid: " + String.join(", ", errors.stream().map(FieldError::field).toList()) + ".");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
