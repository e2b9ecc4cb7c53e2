package org.guildhall.ledger.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree as RFC 6962 (section 2.1) defines it, so that any Certificate Transparency tool can check
 * Guildhall's proofs: leaf hash = SHA-256(0x00 ‖ leaf data), node hash = SHA-256(0x01 ‖ left ‖ right), and a
 * tree of n leaves splits at the largest power of two smaller than n (no leaf is duplicated).
 *
 * <p>The tree keeps every level in memory (about 64 bytes per leaf), so that an inclusion proof costs
 * O(log n) array reads once it is built.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;
    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    /** levels[0] are the leaf hashes; each level above pairs the one below, carrying an odd last node up. */
    private final byte[][][] levels;

    private MerkleTree(byte[][][] levels) {
        this.levels = levels;
    }

    /** Builds the tree over leaf hashes (already {@link #leafHash hashed}); at least one leaf. */
    public static MerkleTree ofLeafHashes(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("A Merkle tree needs at least one leaf.");
        }
        MessageDigest sha = sha256();
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = leafHashes.toArray(byte[][]::new);
        for (byte[] h : level) {
            if (h.length != HASH_BYTES) {
                throw new IllegalArgumentException("A leaf hash has 32 bytes.");
            }
        }
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i + 1 < level.length; i += 2) {
                up[i / 2] = node(sha, level[i], level[i + 1]);
            }
            if (level.length % 2 == 1) {
                // RFC 6962's split at the largest power of two makes an odd last node rise unchanged
                up[up.length - 1] = level[level.length - 1];
            }
            levels.add(up);
            level = up;
        }
        return new MerkleTree(levels.toArray(byte[][][]::new));
    }

    public int size() {
        return levels[0].length;
    }

    public byte[] root() {
        return levels[levels.length - 1][0].clone();
    }

    public byte[] leaf(int index) {
        return levels[0][index].clone();
    }

    /**
     * The audit path of RFC 6962 section 2.1.1 for the leaf at {@code index}: the sibling hashes from the
     * leaf up to the root, nearest first (levels where the node has no sibling contribute nothing).
     */
    public List<byte[]> inclusionProof(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of a tree of " + size());
        }
        List<byte[]> path = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.length - 1; l++) {
            byte[][] level = levels[l];
            int sibling = i ^ 1;
            if (sibling < level.length) {
                path.add(level[sibling].clone());
            }
            i >>= 1;
        }
        return path;
    }

    /**
     * Recomputes the root from a leaf hash and its audit path (RFC 9162 section 2.1.3.2, which states
     * RFC 6962's verification as an algorithm); false for a path of the wrong length.
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> path, byte[] expectedRoot) {
        return rootFromInclusion(leafHash, index, treeSize, path).map(r -> MessageDigest.isEqual(r, expectedRoot)).orElse(false);
    }

    /** The root that an audit path leads to, or empty when the path cannot belong to a tree of that size. */
    public static java.util.Optional<byte[]> rootFromInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> path) {
        if (index < 0 || index >= treeSize || leafHash == null || leafHash.length != HASH_BYTES) {
            return java.util.Optional.empty();
        }
        MessageDigest sha = sha256();
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (p == null || p.length != HASH_BYTES || sn == 0) {
                return java.util.Optional.empty();
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(sha, p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(sha, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF);
        return sha.digest(data);
    }

    static byte[] node(MessageDigest sha, byte[] left, byte[] right) {
        sha.update(NODE);
        sha.update(left);
        return sha.digest(right);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "MerkleTree[" + size() + " leaves, root " + java.util.HexFormat.of().formatHex(levels[levels.length - 1][0]) + "]";
    }

}
