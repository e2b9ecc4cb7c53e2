package org.guildhall.ledger.api;

/**
 * Proof that batch {@code n} continues batch {@code n-1}: the last entry of the earlier batch (with its proof
 * under the earlier root) is the entry whose hash the first entry of the later batch links (with its proof
 * under the later root), and the later batch names the earlier root as its previous root.
 */
public record BatchLink(BatchRecord earlier, BatchRecord later, LedgerRecord lastOfEarlier, InclusionProof lastProof,
        LedgerRecord firstOfLater, InclusionProof firstProof) {
}
