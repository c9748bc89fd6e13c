-- 0009: the global measure index (internal/link/measure), as in the SQLite
-- store. measure_queue holds the articles the measure step has not indexed
-- yet, in publication order (undated last); a trigger queues every new
-- article. measures keeps each global measure (ID, key, label, unit) and
-- counts over its figures (and, in listed, JSON of its first distinct
-- values and speakers), recounted when an article's figures are recorded.
-- IDs and figure dates are text compared byte-wise (COLLATE "C"), so both
-- stores list and order alike. measure_figures keeps every indexed figure
-- under its measure, with the whole record as JSON text.

CREATE TABLE measure_queue (
    seq       BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    published TIMESTAMPTZ
);
CREATE INDEX measure_queue_order ON measure_queue (published ASC NULLS LAST, seq);

INSERT INTO measure_queue (seq, published) SELECT seq, published FROM articles;

CREATE FUNCTION measure_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO measure_queue (seq, published) VALUES (NEW.seq, NEW.published)
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER measure_enqueue AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION measure_enqueue();

CREATE TABLE measures (
    id         TEXT COLLATE "C" PRIMARY KEY,
    key        TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    unit       TEXT    NOT NULL,
    what       TEXT    NOT NULL,
    owner      TEXT    NOT NULL,
    fate       TEXT    NOT NULL,
    place      TEXT    NOT NULL,
    scope      TEXT    NOT NULL,
    figures    INTEGER NOT NULL DEFAULT 0,
    articles   INTEGER NOT NULL DEFAULT 0,
    stories    INTEGER NOT NULL DEFAULT 0,
    speakers   INTEGER NOT NULL DEFAULT 0,
    first_time TEXT COLLATE "C" NOT NULL DEFAULT '',
    last_time  TEXT COLLATE "C" NOT NULL DEFAULT '',
    listed     TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX measures_order ON measures (articles DESC, id);
CREATE INDEX measures_kind ON measures (what, scope, articles DESC, id);

CREATE TABLE measure_figures (
    seq     BIGINT  NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    measure TEXT COLLATE "C" NOT NULL,
    story   TEXT    NOT NULL,
    speaker TEXT    NOT NULL,
    text    TEXT    NOT NULL,
    time    TEXT COLLATE "C" NOT NULL,
    lo      DOUBLE PRECISION,
    hi      DOUBLE PRECISION,
    doc     TEXT    NOT NULL,
    PRIMARY KEY (seq, idx)
);
CREATE INDEX measure_figures_measure ON measure_figures (measure, time, seq, idx, story, speaker, text, lo, hi);
