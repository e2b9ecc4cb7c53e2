-- The provenance ledger: an append-only hash chain of entries, sealed into Merkle batches that are anchored
-- on an EVM chain. Entries are never updated or deleted; a batch row changes only as its anchor progresses.

-- The chain's head: appenders lock this one row, so sequence numbers are assigned in commit order without
-- gaps and each entry links the hash of the one committed before it.
CREATE TABLE ledger_head (
    id        INTEGER  NOT NULL,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL,
    CONSTRAINT pk_ledger_head PRIMARY KEY (id)
);
INSERT INTO ledger_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE ledger_entry (
    seq          BIGINT        NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_type   VARCHAR(64)   NOT NULL,
    -- ids of other capabilities' rows are text and carry no foreign key
    actor_id     VARCHAR(36),
    actor_wallet VARCHAR(42),
    subject      VARCHAR(512)  NOT NULL,
    asset_id     VARCHAR(36),
    -- RFC 8785 canonical JSON, exactly the bytes that payload_hash covers
    payload      VARCHAR(262144) NOT NULL,
    payload_hash CHAR(64)      NOT NULL,
    prev_hash    CHAR(64)      NOT NULL,
    entry_hash   CHAR(64)      NOT NULL,
    CONSTRAINT pk_ledger_entry PRIMARY KEY (seq)
);
CREATE INDEX ix_ledger_entry_type ON ledger_entry (entry_type, seq);
CREATE INDEX ix_ledger_entry_actor ON ledger_entry (actor_id, seq);
CREATE INDEX ix_ledger_entry_asset ON ledger_entry (asset_id, seq);

-- The sealer's lock and position: the last sealed batch, its root and its last entry.
CREATE TABLE ledger_seal (
    id              INTEGER  NOT NULL,
    last_batch_no   BIGINT   NOT NULL,
    last_root       CHAR(64) NOT NULL,
    last_sealed_seq BIGINT   NOT NULL,
    CONSTRAINT pk_ledger_seal PRIMARY KEY (id)
);
INSERT INTO ledger_seal (id, last_batch_no, last_root, last_sealed_seq)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- A batch covers the entries first_seq..last_seq; root is their RFC 6962 Merkle tree head.
CREATE TABLE ledger_batch (
    batch_no         BIGINT        NOT NULL,
    first_seq        BIGINT        NOT NULL,
    last_seq         BIGINT        NOT NULL,
    entry_count      INTEGER       NOT NULL,
    root             CHAR(64)      NOT NULL,
    prev_root        CHAR(64)      NOT NULL,
    sealed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- SEALED (waiting for the chain), SUBMITTED (transaction sent), ANCHORED (mined), CONFIRMED (enough blocks on top)
    state            VARCHAR(16)   NOT NULL,
    chain_id         BIGINT,
    contract_address VARCHAR(42),
    tx_hash          VARCHAR(66),
    block_number     BIGINT,
    gas_used         BIGINT,
    submitted_at     TIMESTAMP WITH TIME ZONE,
    anchored_at      TIMESTAMP WITH TIME ZONE,
    confirmed_at     TIMESTAMP WITH TIME ZONE,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000),
    row_version      BIGINT        NOT NULL,
    CONSTRAINT pk_ledger_batch PRIMARY KEY (batch_no),
    CONSTRAINT uq_ledger_batch_last UNIQUE (last_seq)
);
CREATE INDEX ix_ledger_batch_state ON ledger_batch (state, batch_no);

-- Audits: the ledger recomputed from its rows and compared with the chain (findings as JSON).
CREATE TABLE ledger_audit (
    id              UUID          NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    entries_checked BIGINT        NOT NULL,
    batches_checked BIGINT        NOT NULL,
    chain_checked   BOOLEAN       NOT NULL,
    finding_count   INTEGER       NOT NULL,
    findings        VARCHAR(1000000) NOT NULL,
    CONSTRAINT pk_ledger_audit PRIMARY KEY (id)
);
CREATE INDEX ix_ledger_audit_finished ON ledger_audit (finished_at);
