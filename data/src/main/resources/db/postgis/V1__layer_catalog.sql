-- The stored layers: schema (FeatureType JSON) and catalog metadata, one row per feature type table.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE tm_layer (
    name             VARCHAR(63)  NOT NULL PRIMARY KEY,
    department_code  VARCHAR(64),
    department_zh    TEXT,
    department_en    TEXT,
    title_zh         TEXT         NOT NULL,
    title_en         TEXT         NOT NULL,
    abstract_zh      TEXT,
    abstract_en      TEXT,
    keywords         TEXT         NOT NULL DEFAULT '[]',
    update_frequency VARCHAR(64),
    is_public        BOOLEAN      NOT NULL DEFAULT FALSE,
    live             BOOLEAN      NOT NULL DEFAULT FALSE,
    contact          TEXT,
    feature_type     TEXT         NOT NULL,
    content_version  BIGINT       NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP
);
