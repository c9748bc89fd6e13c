-- 0009: the global measure index (internal/link/measure).
--
-- measure_queue holds the articles the measure step has not indexed yet,
-- in publication order (undated last); a trigger queues every new article.
-- measures keeps each global measure: its ID (ledger.ID of its key), key,
-- label and unit, and counts over its figures (figures, articles, stories,
-- speakers, first and last figure dates, '' when none; listed: JSON of the
-- first distinct values and speakers), recounted when an article's
-- figures are recorded. measure_figures keeps every indexed figure
-- (article seq and figure index) under its measure, with its story,
-- speaker, value as written and the first date of its time as columns
-- and the whole record (news.MeasureFigure) as JSON.

CREATE TABLE measure_queue (
    seq       INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    undated   INTEGER NOT NULL,
    published TEXT    NOT NULL
);
CREATE INDEX measure_queue_order ON measure_queue (undated, published, seq);

INSERT INTO measure_queue (seq, undated, published)
    SELECT seq, published = '', published FROM articles;

CREATE TRIGGER measure_enqueue AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO measure_queue (seq, undated, published)
    VALUES (new.seq, new.published = '', new.published);
END;

CREATE TABLE measures (
    id         TEXT    PRIMARY KEY,
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
    first_time TEXT    NOT NULL DEFAULT '',
    last_time  TEXT    NOT NULL DEFAULT '',
    listed     TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX measures_order ON measures (articles DESC, id);
CREATE INDEX measures_kind ON measures (what, scope, articles DESC, id);

CREATE TABLE measure_figures (
    seq     INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    measure TEXT    NOT NULL,
    story   TEXT    NOT NULL,
    speaker TEXT    NOT NULL,
    text    TEXT    NOT NULL,
    time    TEXT    NOT NULL,
    lo      REAL,
    hi      REAL,
    doc     TEXT    NOT NULL,
    PRIMARY KEY (seq, idx)
);
CREATE INDEX measure_figures_measure ON measure_figures (measure, time, seq, idx, story, speaker, text, lo, hi);
