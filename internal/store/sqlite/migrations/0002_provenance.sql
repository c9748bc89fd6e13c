-- 0002: the provenance index (internal/link/provenance).
--
-- provenance_queue holds the articles waiting for a provenance verdict,
-- in publication order (undated last); a trigger queues every new article,
-- and the step requeues later articles when an earlier source arrives.
-- provenance_keys is the LSH index: one row per band key of an article's
-- MinHash signatures. provenance is each judged article's verdict in
-- brief, for look-ups by host, source and family.

CREATE TABLE provenance_queue (
    seq       INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    undated   INTEGER NOT NULL,
    published TEXT    NOT NULL
);
CREATE INDEX provenance_queue_order ON provenance_queue (undated, published, seq);

INSERT INTO provenance_queue (seq, undated, published)
    SELECT seq, published = '', published FROM articles;

CREATE TRIGGER provenance_enqueue AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO provenance_queue (seq, undated, published)
    VALUES (new.seq, new.published = '', new.published);
END;

CREATE TABLE provenance_keys (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;

CREATE TABLE provenance (
    seq        INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    host       TEXT    NOT NULL DEFAULT '',
    kind       TEXT    NOT NULL,
    of_seq     INTEGER,
    family_seq INTEGER
);
CREATE INDEX provenance_host ON provenance (host);
CREATE INDEX provenance_of ON provenance (of_seq);
CREATE INDEX provenance_family ON provenance (family_seq);
