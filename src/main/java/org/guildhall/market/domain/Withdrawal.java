package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A withdrawal to a linked wallet. RESERVED: the amount left the balance for the pending account. SIGNED: the
 * transfer is signed and its hash kept, before it is broadcast (so that a crash never sends it twice). SENT: the
 * node has it. CONFIRMED: mined with enough confirmations, the money left the platform. RELEASED: it failed,
 * and the amount went back to the balance.
 */
@Entity
@Table(name = "market_withdrawal")
public class Withdrawal {

    public enum State {
        RESERVED, SIGNED, SENT, CONFIRMED, RELEASED;

        public boolean open() {
            return this == RESERVED || this == SIGNED || this == SENT;
        }
    }

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;

    @Column(nullable = false, updatable = false)
    private String address;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "tx_hash")
    private String txHash;

    @Column(name = "raw_tx")
    private String rawTx;

    private Long nonce;

    @Column(name = "block_no")
    private Long blockNo;

    private String problem;

    @Column(name = "ledger_seq")
    private Long ledgerSeq;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Withdrawal() {
    }

    public Withdrawal(UUID id, UUID accountId, String address, long amount, Instant now) {
        this.id = id;
        this.accountId = accountId;
        this.address = address;
        this.amount = amount;
        this.state = State.RESERVED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void signed(String hash, String raw, long txNonce, Instant now) {
        this.txHash = hash;
        this.rawTx = raw;
        this.nonce = txNonce;
        this.state = State.SIGNED;
        this.updatedAt = now;
    }

    public void sent(Instant now) {
        this.state = State.SENT;
        this.updatedAt = now;
    }

    public void confirmed(long block, long seq, Instant now) {
        this.state = State.CONFIRMED;
        this.blockNo = block;
        this.ledgerSeq = seq;
        this.updatedAt = now;
    }

    public void released(String why, long seq, Instant now) {
        this.state = State.RELEASED;
        this.problem = why.length() > 1000 ? why.substring(0, 1000) : why;
        this.ledgerSeq = seq;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getAddress() {
        return address;
    }

    public long getAmount() {
        return amount;
    }

    public State getState() {
        return state;
    }

    public String getTxHash() {
        return txHash;
    }

    public String getRawTx() {
        return rawTx;
    }

    public Long getNonce() {
        return nonce;
    }

    public Long getBlockNo() {
        return blockNo;
    }

    public String getProblem() {
        return problem;
    }

    public Long getLedgerSeq() {
        return ledgerSeq;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
