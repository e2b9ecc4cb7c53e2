package org.guildhall.market.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far the chain has been read for deposits, for which token. Moves in the transaction of the credits. */
@Entity
@Table(name = "market_chain_cursor")
public class ChainCursor {

    public static final String DEPOSITS = "deposits";

    @Id
    private String name;

    @Column(nullable = false)
    private String token;

    @Column(name = "last_block", nullable = false)
    private long lastBlock;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ChainCursor() {
    }

    public ChainCursor(String name, String token, long lastBlock, Instant now) {
        this.name = name;
        this.token = token;
        this.lastBlock = lastBlock;
        this.updatedAt = now;
    }

    public void moveTo(long block, Instant now) {
        this.lastBlock = block;
        this.updatedAt = now;
    }

    /** A different token (a development chain started over): read the new one from its first block. */
    public void restart(String newToken, Instant now) {
        this.token = newToken;
        this.lastBlock = -1;
        this.updatedAt = now;
    }

    public String getToken() {
        return token;
    }

    public long getLastBlock() {
        return lastBlock;
    }
}
