package org.guildhall.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    static final HexFormat HEX = HexFormat.of();

    /** The leaves and roots of Certificate Transparency's reference tests (RFC 6962 implementations). */
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static List<byte[]> leaves(int n) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(MerkleTree.leafHash(HEX.parseHex(LEAVES[i])));
        }
        return hashes;
    }

    @Test
    void rootsMatchTheCertificateTransparencyReferenceVectors() {
        for (int n = 1; n <= LEAVES.length; n++) {
            assertThat(HEX.formatHex(MerkleTree.ofLeafHashes(leaves(n)).root())).as("tree of %d", n).isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void auditPathOfTheReferenceTreeMatchesTheKnownProof() {
        // RFC 6962 reference: leaf 0 of the 8-leaf tree has this path
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves(8));
        assertThat(tree.inclusionProof(0)).extracting(HEX::formatHex).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    }

    @Test
    void everyLeafOfEveryTreeUpTo70LeavesProvesItsInclusionAndNothingElse() {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> hashes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                hashes.add(MerkleTree.leafHash(("leaf " + i).getBytes()));
            }
            MerkleTree tree = MerkleTree.ofLeafHashes(hashes);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = tree.inclusionProof(i);
                assertThat(MerkleTree.verifyInclusion(hashes.get(i), i, n, path, tree.root())).as("leaf %d of %d", i, n).isTrue();
                // the same path proves nothing for another leaf, another index or another tree size
                int other = (i + 1) % n;
                if (other != i) {
                    assertThat(MerkleTree.verifyInclusion(hashes.get(other), i, n, path, tree.root())).isFalse();
                    assertThat(MerkleTree.verifyInclusion(hashes.get(i), other, n, path, tree.root())).isFalse();
                }
                // (a path may also fit a larger tree size, which has another root: verifiers take the size from the anchor)
            }
        }
    }

    @Test
    void aTamperedPathOrRootIsRefused() {
        MerkleTree tree = MerkleTree.ofLeafHashes(leaves(7));
        List<byte[]> path = tree.inclusionProof(5);
        byte[] root = tree.root();
        path.get(1)[0] ^= 1;
        assertThat(MerkleTree.verifyInclusion(tree.leaf(5), 5, 7, path, root)).isFalse();
        List<byte[]> good = tree.inclusionProof(5);
        root[31] ^= 1;
        assertThat(MerkleTree.verifyInclusion(tree.leaf(5), 5, 7, good, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(tree.leaf(5), 5, 7, good.subList(0, 1), tree.root())).isFalse();
        List<byte[]> longer = new ArrayList<>(good);
        longer.add(new byte[32]);
        assertThat(MerkleTree.verifyInclusion(tree.leaf(5), 5, 7, longer, tree.root())).isFalse();
        assertThat(MerkleTree.verifyInclusion(tree.leaf(5), 7, 7, good, tree.root())).isFalse();
        assertThat(MerkleTree.verifyInclusion(tree.leaf(5), -1, 7, good, tree.root())).isFalse();
    }

    @Test
    void anEmptyTreeOrAShortLeafHashIsRefused() {
        assertThatThrownBy(() -> MerkleTree.ofLeafHashes(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.ofLeafHashes(List.of(new byte[31]))).isInstanceOf(IllegalArgumentException.class);
    }
}
