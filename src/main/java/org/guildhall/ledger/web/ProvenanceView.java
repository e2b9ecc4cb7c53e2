package org.guildhall.ledger.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.ledger.api.LedgerRecord;
import org.guildhall.ledger.api.LedgerService;

/** The provenance panel of an asset page: the asset's ledger entries, oldest first, with their state. */
@Named
@RequestScoped
public class ProvenanceView {

    @Inject
    LedgerService ledger;

    private final Map<UUID, List<LedgerRecord>> loaded = new HashMap<>();

    public List<LedgerRecord> entries(UUID assetId) {
        return assetId == null ? List.of() : loaded.computeIfAbsent(assetId, ledger::ofAsset);
    }

    /** The message key of an entry's state ({@code ledger.state.PENDING} …). */
    public String stateKey(LedgerRecord e) {
        return "ledger.state." + e.state().name();
    }

    public String shortHash(String hex) {
        return LedgerView.shortHash(hex);
    }
}
