-- Accounts are made from the identity provider's subject on first sign-in. Portable SQL: H2 and PostgreSQL.
CREATE TABLE account (
    id              UUID          NOT NULL,
    subject         VARCHAR(255)  NOT NULL,
    username        VARCHAR(255)  NOT NULL,
    email           VARCHAR(320)  NOT NULL,
    display_name    VARCHAR(80)   NOT NULL,
    bio             VARCHAR(2000) NOT NULL,
    joined_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sign_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT        NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_subject UNIQUE (subject)
);

CREATE UNIQUE INDEX ix_account_username ON account (username);
