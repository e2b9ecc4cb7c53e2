package org.guildhall.governance.application;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.guildhall.catalog.api.AssetRef;
import org.guildhall.catalog.api.CatalogService;
import org.guildhall.governance.domain.ParameterSpec;
import org.guildhall.governance.infrastructure.JpaGovernanceRepository;
import org.guildhall.market.application.DefaultMarketService;
import org.guildhall.market.application.MarketFixture;
import org.guildhall.testsupport.BothDatabases;

/**
 * The DAO's services outside the container on one EntityManager, with the real ledger and the real market (so
 * fees and grants really move money), and a stand-in catalogue that knows which assets are listed. The caller
 * runs each call in a transaction, as the container would.
 */
final class GovernanceFixture {

    final MarketFixture market;
    final Clock clock;
    final Map<ParameterSpec, Long> defaults = new EnumMap<>(ParameterSpec.class);
    final Set<AssetRef> listed = ConcurrentHashMap.newKeySet();
    final List<String> takenDown = new CopyOnWriteArrayList<>();

    GovernanceFixture(MarketFixture market, Clock clock) {
        this.market = market;
        this.clock = clock;
        defaults.put(ParameterSpec.VOTING_DELAY, 60L);
        defaults.put(ParameterSpec.VOTING_PERIOD, 300L);
        defaults.put(ParameterSpec.TIMELOCK, 120L);
    }

    DefaultMarketService market(EntityManager em) {
        return market.service(em);
    }

    DefaultGovernanceService service(EntityManager em) {
        DefaultGovernanceService s = build(em, new DefaultGovernanceService());
        s.self = new RequiresNew(em.getEntityManagerFactory());
        return s;
    }

    /**
     * What the container's {@code REQUIRES_NEW} does for the lifecycle's steps: each runs on an EntityManager and
     * in a transaction of its own, committed before the next one starts.
     */
    final class RequiresNew extends DefaultGovernanceService {

        private final jakarta.persistence.EntityManagerFactory emf;

        RequiresNew(jakarta.persistence.EntityManagerFactory emf) {
            this.emf = emf;
        }

        private <T> T inNew(java.util.function.Function<DefaultGovernanceService, T> work) {
            return BothDatabases.read(emf, em -> {
                DefaultGovernanceService s = build(em, new DefaultGovernanceService());
                s.self = s;
                return work.apply(s);
            });
        }

        @Override
        public boolean step(java.util.UUID id) {
            return inNew(s -> s.step(id));
        }

        @Override
        public boolean expireQueued(java.util.UUID id, String why) {
            return inNew(s -> s.expireQueued(id, why));
        }

        @Override
        public void project() {
            inNew(s -> {
                s.project();
                return null;
            });
        }

        @Override
        public void moveClock(long seconds) {
            inNew(s -> {
                s.moveClock(seconds);
                return null;
            });
        }
    }

    private DefaultGovernanceService build(EntityManager em, DefaultGovernanceService s) {
        DefaultMarketService m = market.service(em);
        JpaGovernanceRepository repo = JpaGovernanceRepository.with(em);
        s.repo = repo;
        s.ledger = market.ledger(em);
        s.market = m;
        s.catalog = catalog();
        s.accounts = market.accounts();
        s.parameters = DaoParameters.with(repo, m, p -> Optional.ofNullable(defaults.get(p)));
        s.projector = ContributionProjector.with(repo, s.ledger, s.parameters);
        s.clock = clock;
        s.clockControl = true;
        s.graceSeconds = 14 * 86_400;
        return s;
    }

    CatalogService catalog() {
        return MarketFixture.proxy(CatalogService.class, (name, args) -> switch (name) {
            case "listedAsset" -> Optional.of((AssetRef) args[0]).filter(listed::contains);
            case "takeDown" -> {
                AssetRef ref = (AssetRef) args[0];
                takenDown.add(ref.repoId() + ": " + args[1] + " (" + args[2] + ")");
                listed.remove(ref);
                yield Optional.of(ref);
            }
            default -> throw new UnsupportedOperationException(name);
        });
    }
}
