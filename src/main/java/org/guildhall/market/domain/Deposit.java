package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.platform.persistence.UuidTextConverter;

/**
 * A token transfer to the treasury: credited to the account that linked the sending wallet, or held until the
 * sender links it and claims it. Never lost, never credited twice.
 */
@Entity
@Table(name = "market_deposit")
public class Deposit {

    public enum State {
        CREDITED, HELD, CLAIMED
    }

    @Id
    private UUID id;

    @Column(name = "tx_hash", nullable = false, updatable = false)
    private String txHash;

    @Column(name = "log_index", nullable = false, updatable = false)
    private int logIndex;

    @Column(name = "block_no", nullable = false, updatable = false)
    private long blockNo;

    @Column(nullable = false, updatable = false)
    private String token;

    @Column(name = "from_address", nullable = false, updatable = false)
    private String fromAddress;

    @Column(nullable = false, updatable = false)
    private long amount;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;

    @Convert(converter = UuidTextConverter.class)
    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "ledger_seq", nullable = false)
    private long ledgerSeq;

    @Column(name = "seen_at", nullable = false, updatable = false)
    private Instant seenAt;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Deposit() {
    }

    public Deposit(UUID id, String txHash, int logIndex, long blockNo, String token, String fromAddress, long amount, UUID accountId,
            Instant now) {
        this.id = id;
        this.txHash = txHash;
        this.logIndex = logIndex;
        this.blockNo = blockNo;
        this.token = token;
        this.fromAddress = fromAddress;
        this.amount = amount;
        this.accountId = accountId;
        this.state = accountId == null ? State.HELD : State.CREDITED;
        this.seenAt = now;
    }

    public void recordedAt(long seq) {
        this.ledgerSeq = seq;
    }

    public void claim(UUID by, Instant now) {
        this.accountId = by;
        this.state = State.CLAIMED;
        this.claimedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getTxHash() {
        return txHash;
    }

    public int getLogIndex() {
        return logIndex;
    }

    public long getBlockNo() {
        return blockNo;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public long getAmount() {
        return amount;
    }

    public State getState() {
        return state;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public long getLedgerSeq() {
        return ledgerSeq;
    }

    public Instant getSeenAt() {
        return seenAt;
    }
}
