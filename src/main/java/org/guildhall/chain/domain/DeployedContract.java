package org.guildhall.chain.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A contract Guildhall deployed itself (on a development chain), so that a restart finds it again. */
@Entity
@Table(name = "chain_contract")
@IdClass(DeployedContract.Key.class)
public class DeployedContract {

    @Id
    private String name;

    @Id
    @Column(name = "chain_id")
    private long chainId;

    @Column(nullable = false)
    private String address;

    @Column(name = "deployed_at", nullable = false)
    private Instant deployedAt;

    protected DeployedContract() {
    }

    public DeployedContract(String name, long chainId, String address, Instant deployedAt) {
        this.name = name;
        this.chainId = chainId;
        this.address = address;
        this.deployedAt = deployedAt;
    }

    public String getName() {
        return name;
    }

    public long getChainId() {
        return chainId;
    }

    public String getAddress() {
        return address;
    }

    public Instant getDeployedAt() {
        return deployedAt;
    }

    public void redeployed(String newAddress, Instant at) {
        this.address = newAddress;
        this.deployedAt = at;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String name;
        private long chainId;

        public Key() {
        }

        public Key(String name, long chainId) {
            this.name = name;
            this.chainId = chainId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.chainId == chainId && Objects.equals(k.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, chainId);
        }
    }
}
