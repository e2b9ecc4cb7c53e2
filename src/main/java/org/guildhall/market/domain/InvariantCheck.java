package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A kept report of the books' invariant check; findings one per line. */
@Entity
@Table(name = "market_check")
public class InvariantCheck {

    @Id
    private UUID id;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    @Column(nullable = false)
    private long accounts;

    @Column(nullable = false)
    private long postings;

    @Column(name = "posting_sum", nullable = false)
    private long postingSum;

    @Column(nullable = false)
    private String findings;

    @Column(nullable = false)
    private boolean healthy;

    protected InvariantCheck() {
    }

    public InvariantCheck(Instant checkedAt, long accounts, long postings, long postingSum, String findings) {
        this.id = UUID.randomUUID();
        this.checkedAt = checkedAt;
        this.accounts = accounts;
        this.postings = postings;
        this.postingSum = postingSum;
        this.findings = findings.length() > 100_000 ? findings.substring(0, 100_000) : findings;
        this.healthy = findings.isEmpty();
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public long getAccounts() {
        return accounts;
    }

    public long getPostings() {
        return postings;
    }

    public long getPostingSum() {
        return postingSum;
    }

    public String getFindings() {
        return findings;
    }
}
