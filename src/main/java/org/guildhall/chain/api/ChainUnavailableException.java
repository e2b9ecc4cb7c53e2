package org.guildhall.chain.api;

/** The chain node could not be reached or refused the request; the caller retries later. */
public class ChainUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChainUnavailableException(String message) {
        super(message);
    }
}
