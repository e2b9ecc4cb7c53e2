package org.guildhall.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A finished audit, kept so that every server shows admins the same latest result. */
@Entity
@Table(name = "ledger_audit")
public class LedgerAudit {

    @Id
    private UUID id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    private Instant finishedAt;

    @Column(name = "entries_checked", nullable = false)
    private long entriesChecked;

    @Column(name = "batches_checked", nullable = false)
    private long batchesChecked;

    @Column(name = "chain_checked", nullable = false)
    private boolean chainChecked;

    @Column(name = "finding_count", nullable = false)
    private int findingCount;

    /** The findings as a JSON array of {kind, seq, batchNo, detail}. */
    @Column(nullable = false)
    private String findings;

    protected LedgerAudit() {
    }

    public LedgerAudit(Instant startedAt, Instant finishedAt, long entriesChecked, long batchesChecked, boolean chainChecked,
            int findingCount, String findingsJson) {
        this.id = UUID.randomUUID();
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.entriesChecked = entriesChecked;
        this.batchesChecked = batchesChecked;
        this.chainChecked = chainChecked;
        this.findingCount = findingCount;
        this.findings = findingsJson;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public long getEntriesChecked() {
        return entriesChecked;
    }

    public long getBatchesChecked() {
        return batchesChecked;
    }

    public boolean isChainChecked() {
        return chainChecked;
    }

    public int getFindingCount() {
        return findingCount;
    }

    public String getFindings() {
        return findings;
    }
}
