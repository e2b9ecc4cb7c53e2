package org.guildhall.chain.api;

/** A signed, not yet broadcast, token transfer: its hash is known before anyone sees it. */
public record SignedTransfer(String txHash, String rawTransaction, long nonce) {
}
