// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @title Guildhall's anchor registry
/// @notice Holds the Merkle root of every sealed batch of Guildhall's provenance ledger, in order: batch n
///         can only follow batch n-1 and must name its root as the previous root, so that no batch is
///         anchored twice, none is skipped and history cannot be rewritten on chain.
/// @dev Only the platform's signer anchors. Roots follow RFC 6962 (leaf 0x00, node 0x01, SHA-256).
contract GuildhallAnchor {
    struct Anchor {
        bytes32 root;
        uint64 entryCount;
        uint64 blockNumber;
        uint64 timestamp;
    }

    address public immutable signer;
    uint64 public lastBatch;
    mapping(uint64 => Anchor) private anchors;

    event Anchored(uint64 indexed batch, bytes32 root, uint64 entryCount, bytes32 prevRoot);

    error NotSigner(address caller);
    error OutOfOrder(uint64 expected, uint64 given);
    error PreviousRootMismatch(bytes32 expected, bytes32 given);
    error EmptyBatch();

    constructor(address platformSigner) {
        signer = platformSigner;
    }

    /// @notice Anchors batch `batch` with its Merkle `root` over `entryCount` entries.
    function anchor(uint64 batch, bytes32 root, uint64 entryCount, bytes32 prevRoot) external {
        if (msg.sender != signer) revert NotSigner(msg.sender);
        uint64 expected = lastBatch + 1;
        if (batch != expected) revert OutOfOrder(expected, batch);
        bytes32 last = lastBatch == 0 ? bytes32(0) : anchors[lastBatch].root;
        if (prevRoot != last) revert PreviousRootMismatch(last, prevRoot);
        if (entryCount == 0) revert EmptyBatch();
        anchors[batch] = Anchor(root, entryCount, uint64(block.number), uint64(block.timestamp));
        lastBatch = batch;
        emit Anchored(batch, root, entryCount, prevRoot);
    }

    /// @notice The anchor of `batch`: root, entry count, block and time; zeros for a batch not anchored.
    function anchorOf(uint64 batch) external view returns (bytes32 root, uint64 entryCount, uint64 blockNumber, uint64 timestamp) {
        Anchor memory a = anchors[batch];
        return (a.root, a.entryCount, a.blockNumber, a.timestamp);
    }
}
