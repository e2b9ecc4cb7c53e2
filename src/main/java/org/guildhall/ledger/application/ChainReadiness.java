package org.guildhall.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.guildhall.chain.api.AnchorChain;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.ledger.api.LedgerStats;

/**
 * The chain in readiness: always UP, because the portal works without the chain (entries wait as pending),
 * with {@code state} = {@code up}, {@code degraded} (the anchorer cannot reach the chain; {@code problem} says
 * why) or {@code off}, and how much waits to be anchored.
 */
@Readiness
@ApplicationScoped
public class ChainReadiness implements HealthCheck {

    @Inject
    Anchorer anchorer;

    @Inject
    AnchorChain chain;

    @Inject
    LedgerService ledger;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("chain").up();
        if (!chain.enabled()) {
            return b.withData("state", "off").build();
        }
        anchorer.lastProblem().ifPresentOrElse(p -> b.withData("state", "degraded").withData("problem", p), () -> b.withData("state", "up"));
        try {
            LedgerStats s = ledger.stats();
            b.withData("pendingEntries", s.pending()).withData("unanchoredBatches", s.unanchoredBatches());
        } catch (RuntimeException e) {
            b.withData("ledger", "unreadable");
        }
        return b.build();
    }
}
