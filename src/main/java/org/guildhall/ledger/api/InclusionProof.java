package org.guildhall.ledger.api;

import java.util.List;

/** RFC 6962 audit path of an entry in its batch: leaf index, tree size and sibling hashes (hex, nearest first). */
public record InclusionProof(long batchNo, long leafIndex, long treeSize, String leafHash, String root, List<String> path) {
}
