package org.guildhall.ledger.api;

import java.util.List;

/**
 * The verdict on a receipt and how it was reached, step by step. {@code VALID}: every step held, the root read
 * from the chain included. {@code INVALID}: a step failed (it says which). {@code INCOMPLETE}: nothing failed,
 * but not everything could be checked (the entry waits for its batch or its anchor, or the chain is unreachable).
 * {@code MALFORMED}: not a receipt.
 */
public record Verification(Verdict verdict, List<Step> steps) {

    public enum Verdict {
        VALID, INVALID, INCOMPLETE, MALFORMED
    }

    public enum Outcome {
        PASSED, FAILED, SKIPPED
    }

    /**
     * One step: {@code key} names it (and its text in the messages bundle, {@code verify.step.<key>}); {@code
     * detail} is the message key of what was found, with {@code args}.
     */
    public record Step(String key, Outcome outcome, String detail, List<String> args) {
    }
}
