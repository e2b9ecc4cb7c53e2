package org.guildhall.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A wallet address proven to belong to an account (one account per address). */
@Entity
@Table(name = "identity_wallet")
public class LinkedWalletAddress {

    @Id
    private String address;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected LinkedWalletAddress() {
    }

    public LinkedWalletAddress(String address, UUID accountId, Instant linkedAt) {
        this.address = address;
        this.accountId = accountId;
        this.linkedAt = linkedAt;
    }

    public String getAddress() {
        return address;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }
}
