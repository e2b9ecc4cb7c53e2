package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One line of a movement: a signed amount on one account. */
@Entity
@Table(name = "market_posting")
@IdClass(Posting.Key.class)
public class Posting {

    @Id
    @Column(name = "journal_id")
    private UUID journalId;

    @Id
    @Column(name = "line_no")
    private int lineNo;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(nullable = false)
    private long amount;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Posting() {
    }

    public Posting(UUID journalId, int lineNo, UUID accountId, long amount, Instant now) {
        this.journalId = journalId;
        this.lineNo = lineNo;
        this.accountId = accountId;
        this.amount = amount;
        this.recordedAt = now;
    }

    public UUID getJournalId() {
        return journalId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public long getAmount() {
        return amount;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private UUID journalId;
        private int lineNo;

        public Key() {
        }

        public Key(UUID journalId, int lineNo) {
            this.journalId = journalId;
            this.lineNo = lineNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.journalId.equals(journalId) && k.lineNo == lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(journalId, lineNo);
        }
    }
}
