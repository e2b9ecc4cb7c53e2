package org.guildhall.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last appended entry; its row is locked by every appender until commit. */
@Entity
@Table(name = "ledger_head")
public class LedgerHead {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected LedgerHead() {
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    public void advance(LedgerEntry entry) {
        if (entry.getSeq() != lastSeq + 1 || !entry.getPrevHash().equals(lastHash)) {
            throw new IllegalStateException("entry " + entry.getSeq() + " does not follow " + lastSeq);
        }
        lastSeq = entry.getSeq();
        lastHash = entry.getEntryHash();
    }
}
