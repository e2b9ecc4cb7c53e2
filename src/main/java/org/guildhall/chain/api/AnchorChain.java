package org.guildhall.chain.api;

import java.util.Optional;

/**
 * The ledger's anchor registry on an EVM chain (contract {@code GuildhallAnchor} in {@code contracts/}). Every
 * call reaches the chain node; none may run inside a database transaction that others wait on. An unreachable
 * node raises {@link ChainUnavailableException}.
 */
public interface AnchorChain {

    /** Whether anchoring is configured at all (false: entries are sealed but never anchored). */
    boolean enabled();

    /** Chain id, contract, signer and head block as the node reports them. */
    ChainInfo info();

    /** The last batch the contract holds (0 when none). */
    long lastAnchoredBatch();

    /** The anchor of a batch as the contract holds it now; empty when that batch is not anchored. */
    Optional<OnChainAnchor> anchorOf(long batchNo);

    /** The anchor of a batch as the contract held it at block {@code block}. */
    Optional<OnChainAnchor> anchorOf(long batchNo, long block);

    /**
     * Sends the anchor transaction and returns its hash at once, without waiting for a block. The contract
     * refuses a batch out of order or with another previous root, so a duplicate send cannot anchor twice.
     */
    String submitAnchor(long batchNo, String rootHex, long entryCount, String prevRootHex);

    /** The mined transaction, or empty while it is not in a block (or the node does not know it). */
    Optional<MinedTransaction> transaction(String txHash);

    /** The transaction that anchored a batch, found in the contract's {@code Anchored} events. */
    Optional<MinedTransaction> anchorTransaction(long batchNo);

    long headBlock();
}
