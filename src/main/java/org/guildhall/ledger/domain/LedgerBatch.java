package org.guildhall.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** The entries firstSeq..lastSeq under one Merkle root, and how far its anchor on the chain has come. */
@Entity
@Table(name = "ledger_batch")
public class LedgerBatch {

    public enum State {
        /** Sealed, waiting for the chain. */
        SEALED,
        /** The anchor transaction has been sent. */
        SUBMITTED,
        /** The transaction is in a block. */
        ANCHORED,
        /** Enough blocks are on top of it. */
        CONFIRMED
    }

    @Id
    @Column(name = "batch_no")
    private long batchNo;

    @Column(name = "first_seq", nullable = false)
    private long firstSeq;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "entry_count", nullable = false)
    private int entryCount;

    @Column(nullable = false)
    private String root;

    @Column(name = "prev_root", nullable = false)
    private String prevRoot;

    @Column(name = "sealed_at", nullable = false)
    private Instant sealedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "chain_id")
    private Long chainId;

    @Column(name = "contract_address")
    private String contractAddress;

    @Column(name = "tx_hash")
    private String txHash;

    @Column(name = "block_number")
    private Long blockNumber;

    @Column(name = "gas_used")
    private Long gasUsed;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "anchored_at")
    private Instant anchoredAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected LedgerBatch() {
    }

    public LedgerBatch(long batchNo, long firstSeq, long lastSeq, String root, String prevRoot, Instant sealedAt) {
        this.batchNo = batchNo;
        this.firstSeq = firstSeq;
        this.lastSeq = lastSeq;
        this.entryCount = Math.toIntExact(lastSeq - firstSeq + 1);
        this.root = root;
        this.prevRoot = prevRoot;
        this.sealedAt = sealedAt;
        this.state = State.SEALED;
        this.nextAttemptAt = sealedAt;
    }

    public void submitted(long chainId, String contract, String txHash, Instant now) {
        this.chainId = chainId;
        this.contractAddress = contract;
        this.txHash = txHash;
        this.state = State.SUBMITTED;
        this.submittedAt = now;
        this.anchoredAt = null;
        this.nextAttemptAt = now;
    }

    public void anchored(long chainId, String contract, String txHash, long block, Long gasUsed, Instant now) {
        this.chainId = chainId;
        this.contractAddress = contract;
        this.txHash = txHash;
        this.blockNumber = block;
        this.gasUsed = gasUsed;
        this.state = State.ANCHORED;
        this.anchoredAt = anchoredAt == null ? now : anchoredAt;
        this.lastError = null;
        this.attempts = 0;
        this.nextAttemptAt = now;
    }

    public void confirmed(Instant now) {
        this.state = State.CONFIRMED;
        this.confirmedAt = now;
        this.nextAttemptAt = null;
    }

    /** Whether the anchorer should look at this batch now (failed attempts back off). */
    public boolean isDue(Instant now) {
        return nextAttemptAt == null || !nextAttemptAt.isAfter(now);
    }

    /** An attempt failed: waits twice as long each time, from 1 s up to {@code maxWaitSeconds}. */
    public void failed(String error, Instant now, long maxWaitSeconds) {
        attempts++;
        long seconds = Math.max(1, Math.min(maxWaitSeconds, 1L << Math.min(attempts - 1, 20)));
        nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    /** The anchor disappeared from the chain (a reorganisation or a reset node): anchor again. */
    public void reopen(String reason, Instant now) {
        state = State.SEALED;
        txHash = null;
        submittedAt = null;
        blockNumber = null;
        gasUsed = null;
        anchoredAt = null;
        confirmedAt = null;
        lastError = reason;
        nextAttemptAt = now;
    }

    public long getBatchNo() {
        return batchNo;
    }

    public long getFirstSeq() {
        return firstSeq;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public int getEntryCount() {
        return entryCount;
    }

    public String getRoot() {
        return root;
    }

    public String getPrevRoot() {
        return prevRoot;
    }

    public Instant getSealedAt() {
        return sealedAt;
    }

    public State getState() {
        return state;
    }

    public Long getChainId() {
        return chainId;
    }

    public String getContractAddress() {
        return contractAddress;
    }

    public String getTxHash() {
        return txHash;
    }

    public Long getBlockNumber() {
        return blockNumber;
    }

    public Long getGasUsed() {
        return gasUsed;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getAnchoredAt() {
        return anchoredAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }
}
