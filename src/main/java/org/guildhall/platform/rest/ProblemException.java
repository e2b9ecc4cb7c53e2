package org.guildhall.platform.rest;

import java.util.List;

/** Thrown anywhere below a resource to answer with a specific problem. */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(ProblemType type, String detail) {
        this(new Problem(type, detail, null, List.of()));
    }

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
