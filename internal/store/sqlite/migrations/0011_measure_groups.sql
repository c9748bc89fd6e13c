-- 0011: a measure's aggregates kept by deltas (internal/store/sqlstore,
-- measuregroups.go), so that recording an article no longer recounts and
-- relists every figure of the measures it reports.
--
-- measure_groups holds, for each measure, one row per group of its
-- figures: kind 0 a distinct value as written (key the text), kind 1 a
-- speaker up to case (key LOWER(speaker)), kind 2 a story (key the story;
-- figures with none are in no story group). Each row keeps the group's
-- figures, the earliest time and article seq among them, and shown: the
-- least spelling of a speaker, else the key. A measure's stories and
-- speakers count its groups of kinds 2 and 1, and its listed values and
-- speakers are its first groups in (first_time, first_seq, key) order.
-- The rows are filled here from the stored figures.

CREATE TABLE measure_groups (
    measure    TEXT    NOT NULL,
    kind       INTEGER NOT NULL,
    key        TEXT    NOT NULL,
    figures    INTEGER NOT NULL,
    first_time TEXT    NOT NULL,
    first_seq  INTEGER NOT NULL,
    shown      TEXT    NOT NULL,
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
ALTER TABLE measures ADD COLUMN span REAL NOT NULL DEFAULT 0;
UPDATE measures SET span = COALESCE((SELECT MAX(CASE WHEN f.lo < -1e300 OR f.hi > 1e300 THEN 1e301
        WHEN f.hi > f.lo THEN f.hi - f.lo ELSE 0 END)
    FROM measure_figures f WHERE f.measure = measures.id AND f.lo IS NOT NULL AND f.hi IS NOT NULL), 0);
CREATE INDEX measure_figures_bounds ON measure_figures (measure, lo, hi);
