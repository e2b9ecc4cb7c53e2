package org.guildhall.catalog.domain;

/**
 * A file has no preview: its format is not one that is previewed, or its content is not what its name
 * promises. The message is meant for the contributor: it says what is wrong and, where it helps, what
 * would work.
 */
public class PreviewUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public PreviewUnavailableException(String message) {
        super(message);
    }
}
