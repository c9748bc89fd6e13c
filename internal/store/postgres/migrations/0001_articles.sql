-- 0001: articles, their listing indexes and full-text search.
--
-- Metadata live in columns for listing, filtering and uniqueness; doc holds
-- the JSON encoding of the whole news.Article with Text cleared, so layers
-- added later are stored without a schema change. published and fetched
-- are NULL when unknown; the columns keep microseconds, the doc keeps the
-- exact time and its zone. tsv is the full-text vector over title and
-- text, kept by PostgreSQL itself.

CREATE TABLE articles (
    seq             BIGSERIAL PRIMARY KEY,
    id              TEXT        NOT NULL UNIQUE CHECK (id <> ''),
    url             TEXT        UNIQUE CHECK (url <> ''),
    duplicate_key   TEXT        NOT NULL UNIQUE,
    text_hash       TEXT        NOT NULL,
    path            TEXT        NOT NULL DEFAULT '',
    outlet          TEXT        NOT NULL DEFAULT '',
    title           TEXT        NOT NULL DEFAULT '',
    author          TEXT        NOT NULL DEFAULT '',
    published       TIMESTAMPTZ,
    fetched         TIMESTAMPTZ,
    language        TEXT        NOT NULL DEFAULT '',
    declared_source TEXT        NOT NULL DEFAULT '',
    format          TEXT        NOT NULL DEFAULT '',
    raw_sha256      TEXT        NOT NULL DEFAULT '',
    raw_size        INTEGER     NOT NULL DEFAULT 0,
    words           INTEGER     NOT NULL DEFAULT 0,
    status          TEXT        NOT NULL DEFAULT '',
    text            TEXT        NOT NULL DEFAULT '',
    doc             JSONB       NOT NULL,
    ingested_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    tsv             TSVECTOR GENERATED ALWAYS AS (
                        to_tsvector('simple', title || ' ' || text)
                    ) STORED
);

CREATE INDEX articles_published ON articles (published DESC NULLS LAST, id);
CREATE INDEX articles_outlet ON articles (outlet, published DESC NULLS LAST, id);
CREATE INDEX articles_text_hash ON articles (text_hash);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
