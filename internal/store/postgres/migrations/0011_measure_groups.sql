-- 0011: a measure's aggregates kept by deltas (internal/store/sqlstore,
-- measuregroups.go), as in the SQLite store: measure_groups holds, for
-- each measure, one row per distinct value as written (kind 0), speaker
-- up to case (kind 1, key LOWER(speaker)) and story (kind 2), with the
-- group's figures, earliest time and article seq, and shown (the least
-- spelling of a speaker, else the key). Measure IDs and times compare
-- byte-wise (COLLATE "C") as in measure_figures; key and shown keep the
-- collation of the columns they come from, so the listed values and
-- speakers order as a recount over measure_figures orders them. The rows
-- are filled here from the stored figures.

CREATE TABLE measure_groups (
    measure    TEXT COLLATE "C" NOT NULL,
    kind       SMALLINT NOT NULL,
    key        TEXT     NOT NULL,
    figures    INTEGER  NOT NULL,
    first_time TEXT COLLATE "C" NOT NULL,
    first_seq  BIGINT   NOT NULL,
    shown      TEXT     NOT NULL,
    PRIMARY KEY (measure, kind, key)
);
CREATE INDEX measure_groups_order ON measure_groups (measure, kind, first_time, first_seq, key, shown);

INSERT INTO measure_groups (measure, kind, key, figures, first_time, first_seq, shown)
    SELECT measure, 0, text, COUNT(*), MIN(time), MIN(seq), text
    FROM measure_figures GROUP BY measure, text;
INSERT INTO measure_groups (measure, kind, key, figures, first_time, first_seq, shown)
    SELECT measure, 1, LOWER(speaker), COUNT(*), MIN(time), MIN(seq), MIN(speaker)
    FROM measure_figures GROUP BY measure, LOWER(speaker);
INSERT INTO measure_groups (measure, kind, key, figures, first_time, first_seq, shown)
    SELECT measure, 2, story, COUNT(*), '', 0, story
    FROM measure_figures WHERE story <> '' GROUP BY measure, story;

-- measures.span bounds how far any figure's high bound lies above its low
-- bound (hi - lo; 0 for none, 1e301 when a bound lies beyond ±1e300): a
-- figure overlapping [L, H] then has lo in [L - span, H], one range of
-- measure_figures_bounds, so finding the measures holding a number no
-- longer reads all their figures. It only grows (a bound, not a maximum).
ALTER TABLE measures ADD COLUMN span DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE measures SET span = COALESCE((SELECT MAX(CASE WHEN f.lo < -1e300 OR f.hi > 1e300 THEN 1e301
        WHEN f.hi > f.lo THEN f.hi - f.lo ELSE 0 END)
    FROM measure_figures f WHERE f.measure = measures.id AND f.lo IS NOT NULL AND f.hi IS NOT NULL), 0);
CREATE INDEX measure_figures_bounds ON measure_figures (measure, lo, hi);
