-- 0001: articles, their listing indexes and a full-text index.
--
-- Metadata lives in columns, which are the source of truth; doc holds the
-- JSON encoding of the whole news.Article with Text cleared, so layers
-- added later are stored without a schema change. Times are UTC RFC 3339
-- with exactly nine fraction digits ("2024-03-01T08:00:00.000000000Z"),
-- so text order is time order; '' means unknown and sorts last in
-- descending order. seq is the rowid the full-text index points at: an
-- explicit INTEGER PRIMARY KEY keeps it stable across VACUUM.

CREATE TABLE articles (
    seq             INTEGER PRIMARY KEY,
    id              TEXT    NOT NULL UNIQUE CHECK (id <> ''),
    url             TEXT    UNIQUE CHECK (url <> ''),
    -- news.Article.DuplicateKey: same text from the same host is one report.
    duplicate_key   TEXT    NOT NULL UNIQUE,
    -- news.TextHash: equal across verbatim copies on other hosts.
    text_hash       TEXT    NOT NULL,
    path            TEXT    NOT NULL DEFAULT '',
    outlet          TEXT    NOT NULL DEFAULT '',
    title           TEXT    NOT NULL DEFAULT '',
    author          TEXT    NOT NULL DEFAULT '',
    published       TEXT    NOT NULL DEFAULT '',
    fetched         TEXT    NOT NULL DEFAULT '',
    language        TEXT    NOT NULL DEFAULT '',
    declared_source TEXT    NOT NULL DEFAULT '',
    format          TEXT    NOT NULL DEFAULT '',
    raw_sha256      TEXT    NOT NULL DEFAULT '',
    raw_size        INTEGER NOT NULL DEFAULT 0,
    words           INTEGER NOT NULL DEFAULT 0,
    status          TEXT    NOT NULL DEFAULT '',
    text            TEXT    NOT NULL DEFAULT '',
    doc             TEXT    NOT NULL,
    ingested_at     TEXT    NOT NULL
);

CREATE INDEX articles_published ON articles (published DESC, id);
CREATE INDEX articles_outlet ON articles (outlet, published DESC, id);
CREATE INDEX articles_text_hash ON articles (text_hash);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    text,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- New rows are added to the index by Put, once per batch (see Store.Put);
-- deletes and updates keep it in sync through triggers.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
