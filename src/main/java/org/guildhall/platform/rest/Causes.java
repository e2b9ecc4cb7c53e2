package org.guildhall.platform.rest;

import java.util.function.Predicate;

/** Walks a failure's chain of causes (guarding against chains that loop back on themselves). */
public final class Causes {

    private Causes() {
    }

    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }
}
