-- 0012: an index of figures and events by entity, as in the SQLite
-- store: entity_rows holds, for each article (its seq), one row per key
-- and role it has a figure or an event under (role 1 a figure's speaker,
-- role 2 an event's actor or target, role 3 an event's place). The key
-- is the value as the article's layer writes it (an entity ID or a name
-- as written), lowercased in ASCII only (translate, not LOWER, so that
-- it is the key store.RowKey computes whatever the collation). Put
-- and Update write an article's rows; they are filled here from the
-- stored documents.

CREATE TABLE entity_rows (
    key  TEXT     NOT NULL,
    role SMALLINT NOT NULL,
    seq  BIGINT   NOT NULL,
    PRIMARY KEY (key, role, seq)
);
CREATE INDEX entity_rows_seq ON entity_rows (seq);

INSERT INTO entity_rows (key, role, seq)
SELECT DISTINCT translate(k, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), r, seq FROM (
    SELECT f->>'speaker' AS k, 1 AS r, a.seq
    FROM articles a, jsonb_array_elements(CASE jsonb_typeof(a.doc->'figures') WHEN 'array' THEN a.doc->'figures' ELSE '[]' END) f
    UNION ALL
    SELECT f->>'speaker_entity', 1, a.seq
    FROM articles a, jsonb_array_elements(CASE jsonb_typeof(a.doc->'figures') WHEN 'array' THEN a.doc->'figures' ELSE '[]' END) f
    UNION ALL
    SELECT x, 2, a.seq
    FROM articles a, jsonb_array_elements(CASE jsonb_typeof(a.doc->'events') WHEN 'array' THEN a.doc->'events' ELSE '[]' END) e,
        jsonb_array_elements_text(CASE jsonb_typeof(e->'actors') WHEN 'array' THEN e->'actors' ELSE '[]' END) x
    UNION ALL
    SELECT e->>'target', 2, a.seq
    FROM articles a, jsonb_array_elements(CASE jsonb_typeof(a.doc->'events') WHEN 'array' THEN a.doc->'events' ELSE '[]' END) e
    UNION ALL
    SELECT e->>'place', 3, a.seq
    FROM articles a, jsonb_array_elements(CASE jsonb_typeof(a.doc->'events') WHEN 'array' THEN a.doc->'events' ELSE '[]' END) e
) rows WHERE COALESCE(k, '') <> '';
