package org.guildhall.governance.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.governance.domain.GovernanceRepository;
import org.guildhall.governance.domain.GovernanceRepository.Contribution;
import org.guildhall.governance.domain.PowerFormula;
import org.guildhall.ledger.api.EntryFact;
import org.guildhall.ledger.api.EntryTypes;
import org.guildhall.ledger.api.LedgerService;
import org.guildhall.market.api.MarketEntryTypes;

/**
 * Keeps each member's recorded contributions in step with the ledger: a published version counts for its
 * publisher, a licence's proceeds count as revenue for each owner paid. Runs in the caller's transaction with
 * the DAO's state row locked, so that two servers never count an entry twice.
 */
@ApplicationScoped
public class ContributionProjector {

    static final Set<String> TYPES = Set.of(EntryTypes.VERSION_PUBLISHED, MarketEntryTypes.LICENCE_GRANTED);
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int PAGE = 5_000;

    @Inject
    GovernanceRepository repo;

    @Inject
    LedgerService ledger;

    @Inject
    DaoParameters parameters;

    public static ContributionProjector with(GovernanceRepository repo, LedgerService ledger, DaoParameters parameters) {
        ContributionProjector p = new ContributionProjector();
        p.repo = repo;
        p.ledger = ledger;
        p.parameters = parameters;
        return p;
    }

    /**
     * Counts the entries up to {@code upToSeq}; the caller holds the state row ({@link GovernanceRepository#lockState}).
     *
     * @return how many entries counted
     */
    int advance(long fromSeq, long upToSeq) {
        long after = fromSeq;
        long versionWeight = parameters.value(org.guildhall.governance.domain.ParameterSpec.VERSION_WEIGHT);
        long revenueWeight = parameters.value(org.guildhall.governance.domain.ParameterSpec.REVENUE_WEIGHT);
        int counted = 0;
        while (after < upToSeq) {
            List<EntryFact> page = ledger.facts(TYPES, after, upToSeq, PAGE);
            Map<UUID, long[]> delta = new HashMap<>();
            for (EntryFact f : page) {
                if (EntryTypes.VERSION_PUBLISHED.equals(f.type()) && f.actor() != null) {
                    add(delta, f.actor(), 1, 0, f.seq());
                } else if (MarketEntryTypes.LICENCE_GRANTED.equals(f.type())) {
                    JsonObject payload = JSON.createReader(new StringReader(f.payload())).readObject();
                    JsonValue proceeds = payload.get("proceeds");
                    if (proceeds != null && proceeds.getValueType() == JsonValue.ValueType.ARRAY) {
                        for (JsonValue v : proceeds.asJsonArray()) {
                            JsonObject share = v.asJsonObject();
                            add(delta, UUID.fromString(share.getString("account")), 0, share.getJsonNumber("amount").longValueExact(), f.seq());
                        }
                    }
                }
                counted++;
            }
            delta.forEach((account, d) -> {
                Optional<Contribution> before = repo.contribution(account);
                // an open vote keeps the power the member had when it opened
                before.ifPresent(c -> repo.preserve(account));
                Contribution was = before.orElse(new Contribution(account, 0, 0, 0, 0, d[3], 0));
                long versions = was.versions() + d[0];
                long revenue = was.revenue() + d[1];
                long points = PowerFormula.points(versions, revenue, versionWeight, revenueWeight);
                repo.save(new Contribution(account, versions, revenue, points, PowerFormula.power(points), was.firstSeq(), d[2]));
            });
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        repo.projectedUpTo(upToSeq);
        return counted;
    }

    private static void add(Map<UUID, long[]> delta, UUID account, long versions, long revenue, long seq) {
        long[] d = delta.computeIfAbsent(account, a -> new long[] {0, 0, 0, seq});
        d[0] += versions;
        d[1] += revenue;
        d[2] = seq;
    }

    /** After the DAO changed a weight: every member's points and power again, from what they contributed. */
    void recomputeAll() {
        long versionWeight = parameters.value(org.guildhall.governance.domain.ParameterSpec.VERSION_WEIGHT);
        long revenueWeight = parameters.value(org.guildhall.governance.domain.ParameterSpec.REVENUE_WEIGHT);
        repo.preserve(null);
        UUID after = null;
        for (List<Contribution> page = repo.contributionsAfter(null, PAGE); !page.isEmpty(); page = repo.contributionsAfter(after, PAGE)) {
            for (Contribution c : page) {
                long points = PowerFormula.points(c.versions(), c.revenue(), versionWeight, revenueWeight);
                if (points != c.points()) {
                    repo.power(c.accountId(), points, PowerFormula.power(points));
                }
            }
            after = page.get(page.size() - 1).accountId();
        }
    }
}
