package org.guildhall.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A one-time message for an account to sign with a wallet's key; usable once, until it expires. */
@Entity
@Table(name = "identity_wallet_challenge")
public class WalletChallenge {

    @Id
    private UUID id;

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(nullable = false)
    private String address;

    @Column(nullable = false)
    private String message;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected WalletChallenge() {
    }

    public WalletChallenge(UUID id, UUID accountId, String address, String message, Instant issuedAt, Instant expiresAt) {
        this.id = id;
        this.accountId = accountId;
        this.address = address;
        this.message = message;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getAddress() {
        return address;
    }

    public String getMessage() {
        return message;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
