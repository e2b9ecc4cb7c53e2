package org.guildhall.ledger.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.guildhall.chain.api.AnchorChain;
import org.guildhall.chain.api.ChainInfo;
import org.guildhall.chain.api.ChainUnavailableException;
import org.guildhall.chain.api.MinedTransaction;
import org.guildhall.chain.api.OnChainAnchor;
import org.guildhall.ledger.application.AnchorProgress.Open;
import org.guildhall.ledger.domain.LedgerBatch.State;

/**
 * Anchors sealed batches on the chain, in order, one transaction per batch, and follows each to its
 * confirmations. Every step first asks the contract what it already holds, so a restart, a second server or a
 * transaction whose fate was lost never anchors a batch twice and never leaves a gap; the contract refuses
 * both anyway. A chain outage only delays: each failed attempt waits longer (1 s doubling to 5 min), entries
 * stay pending, and the portal keeps working.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Anchorer {

    private static final Logger LOG = Logger.getLogger(Anchorer.class.getName());
    /** How long a sent transaction may stay unmined before the anchorer asks the contract and sends again. */
    static final Duration STUCK = Duration.ofSeconds(60);

    @Inject
    AnchorChain chain;

    @Inject
    AnchorProgress progress;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticks;
    private final AtomicReference<String> lastProblem = new AtomicReference<>();

    @PostConstruct
    void start() {
        if (chain.enabled()) {
            ticks = scheduler.scheduleWithFixedDelay(this::tick, 3, 1, TimeUnit.SECONDS);
        } else {
            LOG.warning("anchoring is switched off: ledger batches are sealed but not anchored on a chain");
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.cancel(false);
        }
    }

    /** The last chain problem, or empty when the last tick reached the chain. */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem.get());
    }

    public void tick() {
        Open current = null;
        try {
            ChainInfo info = null;
            boolean sent = false;
            for (Open b : progress.unconfirmed(50)) {
                current = b;
                if (!b.due()) {
                    if (b.state() == State.SEALED) {
                        return; // batches are anchored in order: a later one waits for this one's retry
                    }
                    continue;
                }
                if (info == null) {
                    info = chain.info();
                }
                switch (b.state()) {
                    case SEALED -> {
                        if (sent || !anchorIfNeeded(b, info)) {
                            return;
                        }
                        sent = true;
                    }
                    case SUBMITTED -> followSubmitted(b, info);
                    case ANCHORED -> confirmIfDeep(b, info);
                    default -> {
                    }
                }
            }
            lastProblem.set(null);
        } catch (ChainUnavailableException e) {
            lastProblem.set(e.getMessage());
            if (current != null) {
                progress.failed(current.batchNo(), current.state(), e.getMessage());
            }
            LOG.log(Level.FINE, "anchoring waits for the chain", e);
        } catch (RuntimeException e) {
            lastProblem.set(e.toString());
            LOG.log(Level.WARNING, "anchoring failed; the next tick tries again", e);
        }
    }

    /** Sends the batch's anchor unless the contract has it already; false when the batch cannot go yet. */
    private boolean anchorIfNeeded(Open b, ChainInfo info) {
        Optional<OnChainAnchor> held = chain.anchorOf(b.batchNo());
        if (held.isPresent()) {
            return adoptExisting(b, held.get(), info);
        }
        long last = chain.lastAnchoredBatch();
        if (last < b.batchNo() - 1) {
            // the contract lost batches the database believes anchored (a new development contract): anchor them again
            int reopened = progress.reopenFrom(last + 1, "the contract at " + info.contract() + " holds batches up to " + last + " only");
            LOG.warning("the chain holds ledger batches up to " + last + "; " + reopened + " batches will be anchored again");
            return false;
        }
        if (last > b.batchNo() - 1) {
            progress.failed(b.batchNo(), State.SEALED, "the contract holds batch " + last + " but not batch " + b.batchNo());
            return false;
        }
        String tx = chain.submitAnchor(b.batchNo(), b.root(), b.entryCount(), b.prevRoot());
        progress.submitted(b.batchNo(), info.chainId(), info.contract(), tx);
        LOG.info(() -> "Ledger batch " + b.batchNo() + " sent to chain " + info.chainId() + " in transaction " + tx);
        return true;
    }

    private boolean adoptExisting(Open b, OnChainAnchor held, ChainInfo info) {
        if (!held.rootHex().equals(b.root()) || held.entryCount() != b.entryCount()) {
            progress.failed(b.batchNo(), b.state(), "the chain holds another root for batch " + b.batchNo() + ": " + held.rootHex()
                    + " over " + held.entryCount() + " entries; the audit names the entries that changed");
            LOG.severe("ledger batch " + b.batchNo() + " differs from its anchor on chain " + info.chainId());
            return false;
        }
        Optional<MinedTransaction> tx = chain.anchorTransaction(b.batchNo());
        progress.anchored(b.batchNo(), b.state(), info.chainId(), info.contract(), tx.map(MinedTransaction::txHash).orElse(b.txHash()),
                held.block(), tx.map(MinedTransaction::gasUsed).orElse(0L));
        return true;
    }

    private void followSubmitted(Open b, ChainInfo info) {
        Optional<MinedTransaction> tx = chain.transaction(b.txHash());
        if (tx.isPresent() && tx.get().succeeded()) {
            progress.anchored(b.batchNo(), State.SUBMITTED, info.chainId(), info.contract(), b.txHash(), tx.get().block(), tx.get().gasUsed());
            LOG.info(() -> "Ledger batch " + b.batchNo() + " anchored in block " + tx.get().block());
            return;
        }
        boolean stuck = tx.isEmpty() && b.submittedAt() != null && b.submittedAt().plus(STUCK).isBefore(Instant.now());
        if (tx.isPresent() || stuck) {
            // reverted, or lost (a node restarted without it): the contract says whether the batch got there anyway
            Optional<OnChainAnchor> held = chain.anchorOf(b.batchNo());
            if (held.isPresent()) {
                adoptExisting(b, held.get(), info);
            } else {
                progress.reopen(b.batchNo(), State.SUBMITTED, tx.isPresent() ? "the anchor transaction " + b.txHash() + " reverted"
                        : "the anchor transaction " + b.txHash() + " was not mined within " + STUCK.toSeconds() + " s");
            }
        }
    }

    private void confirmIfDeep(Open b, ChainInfo info) {
        if (b.block() == null || info.headBlock() - b.block() + 1 < info.confirmations()) {
            return;
        }
        Optional<OnChainAnchor> held = chain.anchorOf(b.batchNo());
        if (held.isPresent() && held.get().rootHex().equals(b.root())) {
            progress.confirmed(b.batchNo());
        } else if (held.isEmpty()) {
            progress.reopen(b.batchNo(), State.ANCHORED, "the anchor of batch " + b.batchNo() + " is no longer on the chain");
        } else {
            progress.failed(b.batchNo(), State.ANCHORED, "the chain holds another root for batch " + b.batchNo());
        }
    }
}
