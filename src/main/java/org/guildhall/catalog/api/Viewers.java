package org.guildhall.catalog.api;

import java.util.Optional;

/** The caller of the current request as an {@link Actor}: for the capabilities that act on assets. */
public interface Viewers {

    /** The signed-in caller, or empty for an anonymous visitor. */
    Optional<Actor> viewer();

    /** The signed-in caller; refused when there is none. */
    Actor actor();
}
