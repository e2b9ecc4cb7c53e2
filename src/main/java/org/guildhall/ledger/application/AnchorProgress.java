package org.guildhall.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.guildhall.ledger.domain.LedgerBatch.State;
import org.guildhall.ledger.domain.LedgerBatch;
import org.guildhall.ledger.domain.LedgerRepository;

/**
 * The anchorer's writes, each a short transaction of its own that applies only if the batch is still in the
 * state the anchorer saw (another server may have moved it on meanwhile): chain calls happen between them,
 * never inside them.
 */
@ApplicationScoped
@Transactional
public class AnchorProgress {

    @Inject
    LedgerRepository repo;

    @Inject
    @ConfigProperty(name = "guildhall.ledger.anchor.retry-max-seconds", defaultValue = "300")
    long retryMaxSeconds;

    Clock clock = Clock.systemUTC();

    /** A detached view of a batch for the anchorer. */
    public record Open(long batchNo, long firstSeq, long lastSeq, int entryCount, String root, String prevRoot, State state,
            String txHash, Long block, Instant submittedAt, boolean due) {
    }

    public List<Open> unconfirmed(int limit) {
        Instant now = clock.instant();
        return repo.unconfirmed(limit).stream().map(b -> new Open(b.getBatchNo(), b.getFirstSeq(), b.getLastSeq(), b.getEntryCount(),
                b.getRoot(), b.getPrevRoot(), b.getState(), b.getTxHash(), b.getBlockNumber(), b.getSubmittedAt(), b.isDue(now))).toList();
    }

    public boolean submitted(long batchNo, long chainId, String contract, String txHash) {
        return change(batchNo, State.SEALED, b -> b.submitted(chainId, contract, txHash, clock.instant()));
    }

    public boolean anchored(long batchNo, State from, long chainId, String contract, String txHash, long block, long gasUsed) {
        return change(batchNo, from, b -> b.anchored(chainId, contract, txHash, block, gasUsed, clock.instant()));
    }

    public boolean confirmed(long batchNo) {
        return change(batchNo, State.ANCHORED, b -> b.confirmed(clock.instant()));
    }

    public boolean failed(long batchNo, State from, String error) {
        return change(batchNo, from, b -> b.failed(error, clock.instant(), retryMaxSeconds));
    }

    public boolean reopen(long batchNo, State from, String reason) {
        return change(batchNo, from, b -> b.reopen(reason, clock.instant()));
    }

    /** Every batch from {@code batchNo} on that the database believes anchored goes back to SEALED. */
    public int reopenFrom(long batchNo, String reason) {
        int n = 0;
        for (long no = batchNo; ; no++) {
            var batch = repo.batch(no);
            if (batch.isEmpty()) {
                return n;
            }
            if (batch.get().getState() != State.SEALED) {
                batch.get().reopen(reason, clock.instant());
                n++;
            }
        }
    }

    private boolean change(long batchNo, State from, java.util.function.Consumer<LedgerBatch> change) {
        return repo.batch(batchNo).filter(b -> b.getState() == from).map(b -> {
            change.accept(b);
            return true;
        }).orElse(false);
    }
}
