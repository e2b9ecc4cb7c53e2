package org.guildhall.chain.api;

/** One {@code Transfer} event of the token: where in the chain, from whom, to whom, how much (minor units). */
public record TokenTransfer(String txHash, int logIndex, long block, String from, String to, long amount) {
}
