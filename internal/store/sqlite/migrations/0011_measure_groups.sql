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
