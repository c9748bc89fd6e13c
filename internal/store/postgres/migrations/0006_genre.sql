-- 0006: the genre layer's kind as a column, as in the SQLite store,
-- written by Put and Update with the document, so that a listing reads it
-- as it reads the other listed fields (0005) instead of detoasting each
-- listed article's document.

ALTER TABLE articles ADD COLUMN genre TEXT NOT NULL DEFAULT '';

UPDATE articles SET genre = doc->'genre'->>'kind'
    WHERE doc->'genre'->>'kind' IS NOT NULL;
