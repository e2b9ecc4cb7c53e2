package org.guildhall.catalog.domain;

/** Something wrong in a card's front matter: the line of README.md (1-based) and what to fix. */
public record CardProblem(int line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
