package org.guildhall.ledger.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where sealing stands; its row is locked while a batch is sealed, so two servers never seal the same entries. */
@Entity
@Table(name = "ledger_seal")
public class LedgerSeal {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_batch_no", nullable = false)
    private long lastBatchNo;

    @Column(name = "last_root", nullable = false)
    private String lastRoot;

    @Column(name = "last_sealed_seq", nullable = false)
    private long lastSealedSeq;

    protected LedgerSeal() {
    }

    public long getLastBatchNo() {
        return lastBatchNo;
    }

    public String getLastRoot() {
        return lastRoot;
    }

    public long getLastSealedSeq() {
        return lastSealedSeq;
    }

    public void sealed(LedgerBatch batch) {
        if (batch.getBatchNo() != lastBatchNo + 1 || batch.getFirstSeq() != lastSealedSeq + 1) {
            throw new IllegalStateException("batch " + batch.getBatchNo() + " does not follow " + lastBatchNo);
        }
        lastBatchNo = batch.getBatchNo();
        lastRoot = batch.getRoot();
        lastSealedSeq = batch.getLastSeq();
    }
}
