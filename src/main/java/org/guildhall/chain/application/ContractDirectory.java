package org.guildhall.chain.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.guildhall.chain.domain.ContractRepository;
import org.guildhall.chain.domain.DeployedContract;

/** Where the contracts Guildhall deployed itself live, kept in the database so every server finds them. */
@ApplicationScoped
@Transactional
public class ContractDirectory {

    @Inject
    ContractRepository repo;

    public Optional<String> address(String name, long chainId) {
        return repo.find(name, chainId).map(DeployedContract::getAddress);
    }

    public void remember(String name, long chainId, String address) {
        Optional<DeployedContract> known = repo.find(name, chainId);
        if (known.isPresent()) {
            known.get().redeployed(address, Instant.now());
        } else {
            repo.add(new DeployedContract(name, chainId, address, Instant.now()));
        }
    }
}
