-- The market: licence offers on published versions, licences (entitlements), access requests for gated
-- versions, co-owners' shares, and money as double-entry postings between accounts, in integer minor units
-- (6 decimals, as the test stablecoin on chain). Assets, versions and accounts belong to other capabilities
-- and are referred to by id; no foreign key crosses capabilities.

CREATE TABLE market_offer (
    id                  UUID          NOT NULL,
    asset_id            UUID          NOT NULL,
    version_id          UUID          NOT NULL,
    revision            INTEGER       NOT NULL,
    kind                VARCHAR(16)   NOT NULL,
    title               VARCHAR(120)  NOT NULL,
    price               BIGINT        NOT NULL,
    spdx_license        VARCHAR(64),
    later_versions      BOOLEAN       NOT NULL,
    commercial_use      BOOLEAN       NOT NULL,
    training_allowed    BOOLEAN       NOT NULL,
    derivatives_allowed BOOLEAN       NOT NULL,
    royalty_bps         INTEGER       NOT NULL,
    auto_approve        BOOLEAN       NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    -- licences granted under the offer: once there is one, its terms are frozen
    granted             BIGINT        NOT NULL,
    created_by          UUID          NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at        TIMESTAMP WITH TIME ZONE,
    row_version         BIGINT        NOT NULL,
    CONSTRAINT pk_market_offer PRIMARY KEY (id),
    CONSTRAINT ck_market_offer_price CHECK (price >= 0),
    CONSTRAINT ck_market_offer_royalty CHECK (royalty_bps BETWEEN 0 AND 10000)
);
CREATE INDEX ix_market_offer_version ON market_offer (version_id);
CREATE INDEX ix_market_offer_asset ON market_offer (asset_id);

-- Co-owners and their shares of an asset's proceeds (basis points summing to 10,000). An asset without rows
-- here belongs wholly to its catalogue owner.
CREATE TABLE market_share (
    asset_id    UUID    NOT NULL,
    account_id  UUID    NOT NULL,
    share_bps   INTEGER NOT NULL,
    CONSTRAINT pk_market_share PRIMARY KEY (asset_id, account_id),
    CONSTRAINT ck_market_share_bps CHECK (share_bps BETWEEN 1 AND 10000)
);
CREATE INDEX ix_market_share_account ON market_share (account_id);

-- Money accounts. Balances are kept beside the postings so that a debit can be refused atomically; the
-- invariant check recomputes every balance from the postings.
CREATE TABLE market_account (
    id              UUID        NOT NULL,
    kind            VARCHAR(24) NOT NULL,
    owner_ref       VARCHAR(64) NOT NULL,
    balance         BIGINT      NOT NULL,
    may_go_negative BOOLEAN     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_market_account PRIMARY KEY (id),
    CONSTRAINT uq_market_account_owner UNIQUE (kind, owner_ref),
    CONSTRAINT ck_market_account_balance CHECK (may_go_negative OR balance >= 0)
);

-- The platform's own accounts, with fixed ids.
INSERT INTO market_account (id, kind, owner_ref, balance, may_go_negative, created_at) VALUES
    ('00000000-0000-0000-0000-00000000f001', 'PLATFORM_FEE', 'platform', 0, FALSE, CURRENT_TIMESTAMP),
    ('00000000-0000-0000-0000-00000000f002', 'DAO_TREASURY', 'platform', 0, FALSE, CURRENT_TIMESTAMP),
    ('00000000-0000-0000-0000-00000000f003', 'FAUCET', 'platform', 0, TRUE, CURRENT_TIMESTAMP),
    ('00000000-0000-0000-0000-00000000f004', 'CHAIN_CUSTODY', 'platform', 0, TRUE, CURRENT_TIMESTAMP),
    ('00000000-0000-0000-0000-00000000f005', 'DEPOSITS_UNCLAIMED', 'platform', 0, FALSE, CURRENT_TIMESTAMP),
    ('00000000-0000-0000-0000-00000000f006', 'WITHDRAWALS_PENDING', 'platform', 0, FALSE, CURRENT_TIMESTAMP);

-- A movement of money: a balanced set of postings (they sum to zero).
CREATE TABLE market_journal (
    id          UUID         NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    memo        VARCHAR(300) NOT NULL,
    -- nullable ids are text: EclipseLink binds a null UUID as VARCHAR, which PostgreSQL refuses for a uuid column
    actor_id    VARCHAR(36),
    asset_id    VARCHAR(36),
    ref_id      VARCHAR(64),
    ledger_seq  BIGINT,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_market_journal PRIMARY KEY (id)
);
CREATE INDEX ix_market_journal_asset ON market_journal (asset_id, recorded_at);
CREATE INDEX ix_market_journal_ref ON market_journal (ref_id);

CREATE TABLE market_posting (
    journal_id  UUID    NOT NULL,
    line_no     INTEGER NOT NULL,
    account_id  UUID    NOT NULL,
    amount      BIGINT  NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_market_posting PRIMARY KEY (journal_id, line_no),
    CONSTRAINT fk_market_posting_journal FOREIGN KEY (journal_id) REFERENCES market_journal (id),
    CONSTRAINT fk_market_posting_account FOREIGN KEY (account_id) REFERENCES market_account (id)
);
CREATE INDEX ix_market_posting_account ON market_posting (account_id, recorded_at);

-- Licences: the entitlements that open a version's files to their holder.
CREATE TABLE market_licence (
    id             UUID        NOT NULL,
    offer_id       UUID        NOT NULL,
    asset_id       UUID        NOT NULL,
    version_id     UUID        NOT NULL,
    revision       INTEGER     NOT NULL,
    later_versions BOOLEAN     NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    holder_id      UUID        NOT NULL,
    price          BIGINT      NOT NULL,
    fee            BIGINT      NOT NULL,
    journal_id     VARCHAR(36),
    request_id     VARCHAR(36),
    ledger_seq     BIGINT      NOT NULL,
    granted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_market_licence PRIMARY KEY (id),
    -- one licence per holder and offer: a second purchase is refused, never charged
    CONSTRAINT uq_market_licence_holder UNIQUE (offer_id, holder_id),
    CONSTRAINT fk_market_licence_offer FOREIGN KEY (offer_id) REFERENCES market_offer (id)
);
CREATE INDEX ix_market_licence_holder ON market_licence (holder_id, asset_id);
CREATE INDEX ix_market_licence_asset ON market_licence (asset_id, granted_at);

-- Requests for a gated version, decided by an owner.
CREATE TABLE market_access_request (
    id           UUID          NOT NULL,
    offer_id     UUID          NOT NULL,
    asset_id     UUID          NOT NULL,
    requester_id UUID          NOT NULL,
    purpose      VARCHAR(2000) NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    reason       VARCHAR(1000),
    decided_by   VARCHAR(36),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE,
    row_version  BIGINT        NOT NULL,
    CONSTRAINT pk_market_access_request PRIMARY KEY (id),
    CONSTRAINT uq_market_access_request UNIQUE (offer_id, requester_id),
    CONSTRAINT fk_market_access_request_offer FOREIGN KEY (offer_id) REFERENCES market_offer (id)
);
CREATE INDEX ix_market_access_request_asset ON market_access_request (asset_id, state);

-- Metered uses: one charged use per buyer, file and day (as downloads are counted), aggregated per hour
-- into one ledger entry.
CREATE TABLE market_usage (
    buyer_id    UUID          NOT NULL,
    version_id  UUID          NOT NULL,
    path        VARCHAR(1024) NOT NULL,
    usage_day   DATE          NOT NULL,
    offer_id    UUID          NOT NULL,
    asset_id    UUID          NOT NULL,
    price       BIGINT        NOT NULL,
    journal_id  UUID          NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    hour_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_market_usage PRIMARY KEY (buyer_id, version_id, path, usage_day)
);
CREATE INDEX ix_market_usage_hour ON market_usage (hour_start);

CREATE TABLE market_usage_hour (
    buyer_id    UUID    NOT NULL,
    asset_id    UUID    NOT NULL,
    hour_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    uses        BIGINT  NOT NULL,
    amount      BIGINT  NOT NULL,
    ledger_seq  BIGINT,
    CONSTRAINT pk_market_usage_hour PRIMARY KEY (buyer_id, asset_id, hour_start)
);
CREATE INDEX ix_market_usage_hour_open ON market_usage_hour (ledger_seq, hour_start);

-- Idempotency keys of money-moving requests: a retried request answers what the first one did.
CREATE TABLE market_idempotency (
    account_id   UUID         NOT NULL,
    operation    VARCHAR(32)  NOT NULL,
    idem_key     VARCHAR(200) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    result_ref   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_market_idempotency PRIMARY KEY (account_id, operation, idem_key)
);

-- The invariant checks' reports, newest kept for admins.
CREATE TABLE market_check (
    id          UUID          NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    accounts    BIGINT        NOT NULL,
    postings    BIGINT        NOT NULL,
    posting_sum BIGINT        NOT NULL,
    findings    VARCHAR(100000) NOT NULL,
    healthy     BOOLEAN       NOT NULL,
    CONSTRAINT pk_market_check PRIMARY KEY (id)
);
CREATE INDEX ix_market_check_at ON market_check (checked_at);
