-- Contracts that Guildhall deployed itself on a development chain, so that a restart uses them again.
CREATE TABLE chain_contract (
    name        VARCHAR(64) NOT NULL,
    chain_id    BIGINT      NOT NULL,
    address     VARCHAR(42) NOT NULL,
    deployed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_chain_contract PRIMARY KEY (name, chain_id)
);
