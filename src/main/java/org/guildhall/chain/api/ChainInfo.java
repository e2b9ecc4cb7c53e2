package org.guildhall.chain.api;

/** What Guildhall anchors to: the node's chain id, the contract, the platform's signer, the latest block. */
public record ChainInfo(long chainId, String contract, String signer, long headBlock, int confirmations) {
}
