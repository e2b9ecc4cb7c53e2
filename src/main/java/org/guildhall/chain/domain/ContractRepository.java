package org.guildhall.chain.domain;

import java.util.Optional;

public interface ContractRepository {

    Optional<DeployedContract> find(String name, long chainId);

    void add(DeployedContract contract);
}
