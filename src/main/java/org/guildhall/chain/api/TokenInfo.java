package org.guildhall.chain.api;

/** The token as members need to know it: the chain, its address, the treasury that deposits go to, confirmations. */
public record TokenInfo(long chainId, String token, String treasury, long confirmations, int decimals, String symbol) {
}
