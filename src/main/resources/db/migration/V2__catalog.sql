-- The catalogue: assets, their versions and files, likes, daily downloads, declared lineage, previews.
-- Portable SQL: H2 and PostgreSQL. Owners are accounts of the identity capability, referred to by id and
-- by the user name that URLs carry; no foreign key crosses capabilities.

CREATE TABLE catalog_asset (
    id                UUID          NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    owner_id          UUID          NOT NULL,
    owner_name        VARCHAR(255)  NOT NULL,
    name              VARCHAR(96)   NOT NULL,
    -- kind + lower-case owner/name: names are unique per kind whatever their case, as on the Hub
    lookup_key        VARCHAR(400)  NOT NULL,
    summary           VARCHAR(300)  NOT NULL,
    task              VARCHAR(200),
    license           VARCHAR(64),
    languages         VARCHAR(2000) NOT NULL,
    tags              VARCHAR(4000) NOT NULL,
    -- nullable ids are text: EclipseLink binds a null UUID as VARCHAR, which PostgreSQL refuses for a uuid column
    latest_version_id VARCHAR(36),
    latest_revision   INTEGER,
    downloads         BIGINT        NOT NULL,
    likes             BIGINT        NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- any change that the search index shows (counts included); the index keeps the newest it has seen
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version       BIGINT        NOT NULL,
    CONSTRAINT pk_catalog_asset PRIMARY KEY (id),
    CONSTRAINT uq_catalog_asset_lookup UNIQUE (lookup_key)
);
CREATE INDEX ix_catalog_asset_owner ON catalog_asset (owner_id);
CREATE INDEX ix_catalog_asset_changed ON catalog_asset (changed_at);

CREATE TABLE catalog_version (
    id            UUID          NOT NULL,
    asset_id      UUID          NOT NULL,
    revision      INTEGER       NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    tag           VARCHAR(64),
    content_hash  CHAR(64),
    card_markdown VARCHAR(524288),
    card_data     VARCHAR(65536),
    file_count    INTEGER       NOT NULL,
    total_bytes   BIGINT        NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE,
    published_by  VARCHAR(36),
    row_version   BIGINT        NOT NULL,
    CONSTRAINT pk_catalog_version PRIMARY KEY (id),
    CONSTRAINT fk_catalog_version_asset FOREIGN KEY (asset_id) REFERENCES catalog_asset (id),
    CONSTRAINT uq_catalog_version_revision UNIQUE (asset_id, revision),
    CONSTRAINT uq_catalog_version_tag UNIQUE (asset_id, tag)
);
CREATE INDEX ix_catalog_version_hash ON catalog_version (content_hash);

CREATE TABLE catalog_file (
    version_id  UUID          NOT NULL,
    path        VARCHAR(1024) NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_catalog_file PRIMARY KEY (version_id, path),
    CONSTRAINT fk_catalog_file_version FOREIGN KEY (version_id) REFERENCES catalog_version (id)
);
CREATE INDEX ix_catalog_file_sha256 ON catalog_file (sha256);

CREATE TABLE catalog_like (
    asset_id    UUID NOT NULL,
    account_id  UUID NOT NULL,
    liked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_catalog_like PRIMARY KEY (asset_id, account_id),
    CONSTRAINT fk_catalog_like_asset FOREIGN KEY (asset_id) REFERENCES catalog_asset (id)
);
CREATE INDEX ix_catalog_like_account ON catalog_like (account_id);

-- One row per (version, client, day): a download is counted once however many requests it takes.
-- client_key is the account id, or a salted hash for anonymous clients (no address is kept).
CREATE TABLE catalog_download (
    version_id  UUID        NOT NULL,
    client_key  VARCHAR(64) NOT NULL,
    download_day DATE       NOT NULL,
    asset_id    UUID        NOT NULL,
    CONSTRAINT pk_catalog_download PRIMARY KEY (version_id, client_key, download_day),
    CONSTRAINT fk_catalog_download_version FOREIGN KEY (version_id) REFERENCES catalog_version (id)
);
CREATE INDEX ix_catalog_download_asset_day ON catalog_download (asset_id, download_day);

-- Lineage as declared by a published version's card (datasets:, base_model:), kept by reference so that a
-- link to an asset that does not exist yet resolves once it does.
CREATE TABLE catalog_lineage (
    version_id   UUID         NOT NULL,
    asset_id     UUID         NOT NULL,
    relation     VARCHAR(16)  NOT NULL,
    target_kind  VARCHAR(16)  NOT NULL,
    target_key   VARCHAR(400) NOT NULL,
    target_ref   VARCHAR(300) NOT NULL,
    CONSTRAINT pk_catalog_lineage PRIMARY KEY (version_id, relation, target_key),
    CONSTRAINT fk_catalog_lineage_version FOREIGN KEY (version_id) REFERENCES catalog_version (id)
);
CREATE INDEX ix_catalog_lineage_target ON catalog_lineage (target_key);

-- Dataset previews, computed once per published file and kept (the file never changes).
CREATE TABLE catalog_preview (
    version_id   UUID           NOT NULL,
    path         VARCHAR(1024)  NOT NULL,
    format       VARCHAR(16),
    table_json   VARCHAR(1000000),
    problem      VARCHAR(1000),
    computed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_catalog_preview PRIMARY KEY (version_id, path),
    CONSTRAINT fk_catalog_preview_version FOREIGN KEY (version_id) REFERENCES catalog_version (id)
);
