-- Wallets linked to accounts by a signed one-time challenge (EIP-4361 message, EIP-191 signature).
CREATE TABLE identity_wallet_challenge (
    id          UUID          NOT NULL,
    account_id  UUID          NOT NULL,
    address     VARCHAR(42)   NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    row_version BIGINT        NOT NULL,
    CONSTRAINT pk_identity_wallet_challenge PRIMARY KEY (id),
    CONSTRAINT fk_identity_wallet_challenge_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_identity_wallet_challenge_account ON identity_wallet_challenge (account_id);

CREATE TABLE identity_wallet (
    address    VARCHAR(42) NOT NULL,
    account_id UUID        NOT NULL,
    linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_identity_wallet PRIMARY KEY (address),
    CONSTRAINT fk_identity_wallet_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_identity_wallet_account ON identity_wallet (account_id, linked_at);
