-- The market's governed parameters (the platform fee in basis points). A missing row means the configured
-- default; the DAO changes a row through the market's API, and its own tables keep the history.
CREATE TABLE market_parameter (
    name        VARCHAR(64) NOT NULL,
    int_value   BIGINT      NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_market_parameter PRIMARY KEY (name)
);
