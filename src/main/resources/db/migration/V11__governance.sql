-- The DAO: proposals, their power snapshots and votes, delegations, governed parameters and their history,
-- and a projection of the ledger's contributions from which voting power is computed. Accounts and assets
-- belong to other capabilities and are referred to by id; no foreign key crosses capabilities.

-- One row: how far the contribution projection has read the ledger, the next proposal number, and the
-- dev-only clock offset.
CREATE TABLE gov_state (
    id                   INTEGER NOT NULL,
    projected_seq        BIGINT  NOT NULL,
    next_number          BIGINT  NOT NULL,
    clock_offset_seconds BIGINT  NOT NULL,
    CONSTRAINT pk_gov_state PRIMARY KEY (id)
);
INSERT INTO gov_state (id, projected_seq, next_number, clock_offset_seconds) VALUES (1, 0, 1, 0);

-- Recorded contributions per account (published versions, revenue earned in minor units) and the power they give;
-- first_seq is the ledger entry that made the account a member.
CREATE TABLE gov_contribution (
    account_id UUID   NOT NULL,
    versions   BIGINT NOT NULL,
    revenue    BIGINT NOT NULL,
    points     BIGINT NOT NULL,
    power      BIGINT NOT NULL,
    first_seq  BIGINT NOT NULL,
    last_seq   BIGINT NOT NULL,
    CONSTRAINT pk_gov_contribution PRIMARY KEY (account_id)
);

CREATE TABLE gov_delegation (
    delegator_id UUID   NOT NULL,
    delegate_id  UUID   NOT NULL,
    since        TIMESTAMP WITH TIME ZONE NOT NULL,
    ledger_seq   BIGINT NOT NULL,
    CONSTRAINT pk_gov_delegation PRIMARY KEY (delegator_id),
    CONSTRAINT ck_gov_delegation_self CHECK (delegator_id <> delegate_id)
);
CREATE INDEX ix_gov_delegation_delegate ON gov_delegation (delegate_id);

CREATE TABLE gov_parameter (
    name       VARCHAR(64) NOT NULL,
    int_value  BIGINT      NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_gov_parameter PRIMARY KEY (name)
);

CREATE TABLE gov_parameter_change (
    id              UUID        NOT NULL,
    name            VARCHAR(64) NOT NULL,
    old_value       BIGINT      NOT NULL,
    new_value       BIGINT      NOT NULL,
    proposal_id     UUID        NOT NULL,
    proposal_number BIGINT      NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ledger_seq      BIGINT      NOT NULL,
    CONSTRAINT pk_gov_parameter_change PRIMARY KEY (id)
);
CREATE INDEX ix_gov_parameter_change_name ON gov_parameter_change (name, changed_at);

CREATE TABLE gov_proposal (
    id            UUID          NOT NULL,
    number        BIGINT        NOT NULL,
    kind          VARCHAR(24)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    description   VARCHAR(20000) NOT NULL,
    proposer_id   UUID          NOT NULL,
    proposer_name VARCHAR(64)   NOT NULL,
    param_name    VARCHAR(64),
    param_value   BIGINT,
    asset_ref     VARCHAR(200),
    grantee_id    VARCHAR(36),
    grantee_name  VARCHAR(64),
    amount        BIGINT,
    state         VARCHAR(16)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    vote_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    vote_end      TIMESTAMP WITH TIME ZONE NOT NULL,
    eta           TIMESTAMP WITH TIME ZONE,
    closed_at     TIMESTAMP WITH TIME ZONE,
    snapshot_seq  BIGINT,
    total_power   BIGINT        NOT NULL,
    members       BIGINT        NOT NULL,
    quorum_bps    INTEGER       NOT NULL,
    threshold_bps INTEGER       NOT NULL,
    for_power     BIGINT        NOT NULL,
    against_power BIGINT        NOT NULL,
    abstain_power BIGINT        NOT NULL,
    votes         BIGINT        NOT NULL,
    outcome       VARCHAR(1000),
    row_version   BIGINT        NOT NULL,
    CONSTRAINT pk_gov_proposal PRIMARY KEY (id),
    CONSTRAINT uq_gov_proposal_number UNIQUE (number)
);
CREATE INDEX ix_gov_proposal_state ON gov_proposal (state, number);

-- A proposal's snapshot, copy on write: a member without a row here votes with the power gov_contribution
-- holds (it has not changed since the snapshot). Rows are written when the proposal opens for the members a
-- delegation concerns (the delegator keeps 0, the delegate gains), and, while the vote is open, for a member
-- just before their contribution changes (the power they had at the snapshot).
CREATE TABLE gov_power (
    proposal_id UUID   NOT NULL,
    account_id  UUID   NOT NULL,
    own_power   BIGINT NOT NULL,
    power       BIGINT NOT NULL,
    delegate_id UUID,
    CONSTRAINT pk_gov_power PRIMARY KEY (proposal_id, account_id)
);

-- The last vote of each member (the ledger keeps every one).
CREATE TABLE gov_vote (
    proposal_id UUID         NOT NULL,
    voter_id    UUID         NOT NULL,
    voter_name  VARCHAR(64)  NOT NULL,
    choice      VARCHAR(8)   NOT NULL,
    weight      BIGINT       NOT NULL,
    reason      VARCHAR(1000),
    cast_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ledger_seq  BIGINT       NOT NULL,
    changes     INTEGER      NOT NULL,
    CONSTRAINT pk_gov_vote PRIMARY KEY (proposal_id, voter_id),
    CONSTRAINT ck_gov_vote_weight CHECK (weight > 0)
);

-- The lifecycle of each proposal, with the ledger entry of every step.
CREATE TABLE gov_step (
    proposal_id UUID        NOT NULL,
    state       VARCHAR(16) NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    ledger_seq  BIGINT      NOT NULL,
    note        VARCHAR(1000),
    CONSTRAINT pk_gov_step PRIMARY KEY (proposal_id, ledger_seq)
);

-- The running tally of an active proposal, kept by each vote in one of 16 rows chosen by the voter (so that
-- concurrent votes do not all wait for one row): the live tally is their sum; the vote's close locks all 16,
-- recomputes the tally from gov_vote and records that.
CREATE TABLE gov_tally (
    proposal_id   UUID    NOT NULL,
    shard         INTEGER NOT NULL,
    for_power     BIGINT  NOT NULL,
    against_power BIGINT  NOT NULL,
    abstain_power BIGINT  NOT NULL,
    votes         BIGINT  NOT NULL,
    CONSTRAINT pk_gov_tally PRIMARY KEY (proposal_id, shard)
);
