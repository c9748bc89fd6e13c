-- 0002: the provenance index (internal/link/provenance), as in the SQLite
-- store. provenance_queue holds the articles waiting for a verdict, in
-- publication order (undated last); a trigger queues every new article.
-- provenance_keys is the LSH index: one row per band key of an article's
-- MinHash signatures, read one bounded bucket at a time through its
-- primary key. provenance is each judged article's verdict in brief.

CREATE TABLE provenance_queue (
    seq       BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    published TIMESTAMPTZ
);
CREATE INDEX provenance_queue_order ON provenance_queue (published ASC NULLS LAST, seq);

INSERT INTO provenance_queue (seq, published) SELECT seq, published FROM articles;

CREATE FUNCTION provenance_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO provenance_queue (seq, published) VALUES (NEW.seq, NEW.published)
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER provenance_enqueue AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION provenance_enqueue();

CREATE TABLE provenance_keys (
    key BIGINT NOT NULL,
    seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    PRIMARY KEY (key, seq)
);

CREATE TABLE provenance (
    seq        BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    host       TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL,
    of_seq     BIGINT,
    family_seq BIGINT
);
CREATE INDEX provenance_host ON provenance (host);
CREATE INDEX provenance_of ON provenance (of_seq);
CREATE INDEX provenance_family ON provenance (family_seq);
