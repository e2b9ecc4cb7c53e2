package org.guildhall.chain.api;

/** A transaction in a block: whether it succeeded, and the gas it used. */
public record MinedTransaction(String txHash, long block, boolean succeeded, long gasUsed) {
}
