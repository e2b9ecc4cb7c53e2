-- Money on chain: deposits read from the stable token's Transfer events to the treasury, and withdrawals sent
-- from it. A deposit is keyed by its transaction and log index, so that it is credited exactly once however
-- often the chain is read; the cursor moves in the same transaction as the credits.

CREATE TABLE market_chain_cursor (
    name        VARCHAR(32) NOT NULL,
    token       VARCHAR(42) NOT NULL,
    last_block  BIGINT      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_market_chain_cursor PRIMARY KEY (name)
);

CREATE TABLE market_deposit (
    id           UUID         NOT NULL,
    tx_hash      VARCHAR(66)  NOT NULL,
    log_index    INTEGER      NOT NULL,
    block_no     BIGINT       NOT NULL,
    token        VARCHAR(42)  NOT NULL,
    from_address VARCHAR(42)  NOT NULL,
    amount       BIGINT       NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    account_id   VARCHAR(36),
    ledger_seq   BIGINT       NOT NULL,
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at   TIMESTAMP WITH TIME ZONE,
    row_version  BIGINT       NOT NULL,
    CONSTRAINT pk_market_deposit PRIMARY KEY (id),
    CONSTRAINT uq_market_deposit_log UNIQUE (tx_hash, log_index),
    CONSTRAINT ck_market_deposit_amount CHECK (amount > 0)
);
CREATE INDEX ix_market_deposit_account ON market_deposit (account_id, seen_at);
CREATE INDEX ix_market_deposit_from ON market_deposit (from_address, state);

CREATE TABLE market_withdrawal (
    id          UUID          NOT NULL,
    account_id  UUID          NOT NULL,
    address     VARCHAR(42)   NOT NULL,
    amount      BIGINT        NOT NULL,
    state       VARCHAR(16)   NOT NULL,
    tx_hash     VARCHAR(66),
    raw_tx      VARCHAR(4000),
    nonce       BIGINT,
    block_no    BIGINT,
    problem     VARCHAR(1000),
    ledger_seq  BIGINT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version BIGINT        NOT NULL,
    CONSTRAINT pk_market_withdrawal PRIMARY KEY (id),
    CONSTRAINT ck_market_withdrawal_amount CHECK (amount > 0)
);
CREATE INDEX ix_market_withdrawal_account ON market_withdrawal (account_id, created_at);
CREATE INDEX ix_market_withdrawal_state ON market_withdrawal (state);
