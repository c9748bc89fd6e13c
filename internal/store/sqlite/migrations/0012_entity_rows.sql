-- 0012: an index of figures and events by entity, so that the figure
-- and event listings filtered by a speaker, an actor or a place
-- (/api/v1/figures?speaker=, /api/v1/events?actor=&place=, the pages)
-- read only the articles holding such a row, not every article naming
-- the entity.
--
-- entity_rows holds, for each article (its seq), one row per key and
-- role it has a figure or an event under: role 1 a figure's speaker,
-- role 2 an event's actor or target, role 3 an event's place. The key
-- is the value as the article's layer writes it (an entity ID or a name
-- as written), lowercased in ASCII (as LOWER does here and
-- store.RowKey does in Go). Put and Update write an article's rows
-- (internal/store/sqlstore, articles.go); they are filled here from the
-- stored documents.

CREATE TABLE entity_rows (
    key  TEXT    NOT NULL,
    role INTEGER NOT NULL,
    seq  INTEGER NOT NULL,
    PRIMARY KEY (key, role, seq)
);
CREATE INDEX entity_rows_seq ON entity_rows (seq);

INSERT OR IGNORE INTO entity_rows (key, role, seq)
    SELECT LOWER(json_extract(f.value, '$.speaker')), 1, a.seq
    FROM articles a, json_each(a.doc, '$.figures') f
    WHERE COALESCE(json_extract(f.value, '$.speaker'), '') <> '';
INSERT OR IGNORE INTO entity_rows (key, role, seq)
    SELECT LOWER(json_extract(f.value, '$.speaker_entity')), 1, a.seq
    FROM articles a, json_each(a.doc, '$.figures') f
    WHERE COALESCE(json_extract(f.value, '$.speaker_entity'), '') <> '';
INSERT OR IGNORE INTO entity_rows (key, role, seq)
    SELECT LOWER(x.value), 2, a.seq
    FROM articles a, json_each(a.doc, '$.events') e, json_each(e.value, '$.actors') x
    WHERE COALESCE(x.value, '') <> '';
INSERT OR IGNORE INTO entity_rows (key, role, seq)
    SELECT LOWER(json_extract(e.value, '$.target')), 2, a.seq
    FROM articles a, json_each(a.doc, '$.events') e
    WHERE COALESCE(json_extract(e.value, '$.target'), '') <> '';
INSERT OR IGNORE INTO entity_rows (key, role, seq)
    SELECT LOWER(json_extract(e.value, '$.place')), 3, a.seq
    FROM articles a, json_each(a.doc, '$.events') e
    WHERE COALESCE(json_extract(e.value, '$.place'), '') <> '';
