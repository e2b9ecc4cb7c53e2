package org.guildhall.platform.validation;

/**
 * A request that breaks a business rule, with a message that tells the user what to do. The REST layer
 * answers it as a problem document with the matching status; pages show the message.
 */
public class RejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the request was refused; each maps to one HTTP status. */
    public enum Reason {
        NOT_FOUND, FORBIDDEN, CONFLICT, TOO_LARGE, UNPROCESSABLE,
        /** A payment is needed first: the balance is short of a price (HTTP 402). */
        PAYMENT_REQUIRED
    }

    private final Reason reason;
    private final String errorCode;

    public RejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** @param errorCode a machine-readable code for clients, sent as {@code X-Error-Code} (the Hub's clients read it) */
    public RejectedException(Reason reason, String message, String errorCode) {
        super(message);
        this.reason = reason;
        this.errorCode = errorCode;
    }

    public Reason reason() {
        return reason;
    }

    public java.util.Optional<String> errorCode() {
        return java.util.Optional.ofNullable(errorCode);
    }

    public static RejectedException notFound(String message) {
        return new RejectedException(Reason.NOT_FOUND, message);
    }

    public static RejectedException forbidden(String message) {
        return new RejectedException(Reason.FORBIDDEN, message);
    }

    public static RejectedException conflict(String message) {
        return new RejectedException(Reason.CONFLICT, message);
    }
}
