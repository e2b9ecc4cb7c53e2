package org.guildhall.chain.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.guildhall.chain.domain.ContractRepository;
import org.guildhall.chain.domain.DeployedContract;

@ApplicationScoped
public class JpaContractRepository implements ContractRepository {

    @PersistenceContext(unitName = "guildhall")
    EntityManager em;

    @Override
    public Optional<DeployedContract> find(String name, long chainId) {
        return Optional.ofNullable(em.find(DeployedContract.class, new DeployedContract.Key(name, chainId)));
    }

    @Override
    public void add(DeployedContract contract) {
        em.persist(contract);
    }
}
