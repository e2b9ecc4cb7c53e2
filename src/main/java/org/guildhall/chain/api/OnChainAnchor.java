package org.guildhall.chain.api;

/** A batch as the contract holds it: Merkle root (hex), entry count, block and time (seconds) of the anchor. */
public record OnChainAnchor(long batchNo, String rootHex, long entryCount, long block, long timestamp) {
}
