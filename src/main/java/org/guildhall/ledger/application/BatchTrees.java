package org.guildhall.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.guildhall.ledger.domain.MerkleTree;

/**
 * The Merkle trees of recently used batches, so that a proof costs microseconds instead of a rebuild. Safe to
 * lose: a tree is rebuilt from the entry hashes in the database, and a tree whose root differs from the batch's
 * recorded root is never served.
 */
@ApplicationScoped
public class BatchTrees {

    static final int KEEP = 16;
    private final Map<Long, MerkleTree> trees = new LinkedHashMap<>(KEEP, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, MerkleTree> eldest) {
            return size() > KEEP;
        }
    };

    public static MerkleTree build(List<String> entryHashes) {
        HexFormat hex = HexFormat.of();
        return MerkleTree.ofLeafHashes(entryHashes.stream().map(hex::parseHex).toList());
    }

    public synchronized void put(long batchNo, MerkleTree tree) {
        trees.put(batchNo, tree);
    }

    /** The tree of a batch, built with {@code hashes} when it is not kept. */
    public MerkleTree get(long batchNo, LongFunction<List<String>> hashes) {
        synchronized (this) {
            MerkleTree kept = trees.get(batchNo);
            if (kept != null) {
                return kept;
            }
        }
        MerkleTree built = build(hashes.apply(batchNo));
        put(batchNo, built);
        return built;
    }

    public synchronized void forget(long batchNo) {
        trees.remove(batchNo);
    }
}
