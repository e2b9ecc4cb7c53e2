package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A money account. Its balance changes only through {@link MarketRepository#apply}, in the transaction that
 * writes the postings; the invariant check recomputes it from them.
 */
@Entity
@Table(name = "market_account")
public class MoneyAccount {

    public static final UUID PLATFORM_FEE = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    public static final UUID DAO_TREASURY = UUID.fromString("00000000-0000-0000-0000-00000000f002");
    public static final UUID FAUCET = UUID.fromString("00000000-0000-0000-0000-00000000f003");
    public static final UUID CHAIN_CUSTODY = UUID.fromString("00000000-0000-0000-0000-00000000f004");
    public static final UUID DEPOSITS_UNCLAIMED = UUID.fromString("00000000-0000-0000-0000-00000000f005");
    public static final UUID WITHDRAWALS_PENDING = UUID.fromString("00000000-0000-0000-0000-00000000f006");

    /** How many accounts the platform's fee is spread over (shard 0 is {@link #PLATFORM_FEE}). */
    public static final int FEE_SHARDS = 16;

    /** The id of fee account {@code i}: shard 0 is {@link #PLATFORM_FEE}, the others {@code …f101} to {@code …f10f}. */
    public static UUID feeShard(int i) {
        if (i < 0 || i >= FEE_SHARDS) {
            throw new IllegalArgumentException("fee shard " + i);
        }
        return i == 0 ? PLATFORM_FEE : new UUID(0L, 0xf100L + i);
    }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AccountKind kind;

    @Column(name = "owner_ref", nullable = false, updatable = false)
    private String ownerRef;

    @Column(nullable = false)
    private long balance;

    @Column(name = "may_go_negative", nullable = false, updatable = false)
    private boolean mayGoNegative;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected MoneyAccount() {
    }

    public MoneyAccount(AccountKind kind, String ownerRef, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.ownerRef = ownerRef;
        this.mayGoNegative = kind.mayGoNegative();
        this.createdAt = now;
    }

    public UUID getId() {
        return id;
    }

    public AccountKind getKind() {
        return kind;
    }

    public String getOwnerRef() {
        return ownerRef;
    }

    public long getBalance() {
        return balance;
    }

    public boolean isMayGoNegative() {
        return mayGoNegative;
    }
}
