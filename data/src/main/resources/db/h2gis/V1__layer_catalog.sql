-- The stored layers: schema (FeatureType JSON) and catalog metadata, one row per feature type table.
CREATE TABLE tm_layer (
    name             CHARACTER VARYING(63)   NOT NULL PRIMARY KEY,
    department_code  CHARACTER VARYING(64),
    department_zh    CHARACTER VARYING(200),
    department_en    CHARACTER VARYING(200),
    title_zh         CHARACTER VARYING(500)  NOT NULL,
    title_en         CHARACTER VARYING(500)  NOT NULL,
    abstract_zh      CHARACTER VARYING(4000),
    abstract_en      CHARACTER VARYING(4000),
    keywords         CHARACTER VARYING(4000) DEFAULT '[]' NOT NULL,
    update_frequency CHARACTER VARYING(64),
    is_public        BOOLEAN DEFAULT FALSE NOT NULL,
    live             BOOLEAN DEFAULT FALSE NOT NULL,
    contact          CHARACTER VARYING(500),
    feature_type     CHARACTER VARYING(1000000) NOT NULL,
    content_version  BIGINT DEFAULT 0 NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
