-- 0006: the genre layer's kind as a column, written by Put and Update with
-- the document, so that a listing reads it as it reads the other listed
-- fields (0005) instead of parsing each listed article's JSON document.

ALTER TABLE articles ADD COLUMN genre TEXT NOT NULL DEFAULT '';

UPDATE articles SET genre = COALESCE(json_extract(doc, '$.genre.kind'), '')
    WHERE json_extract(doc, '$.genre.kind') IS NOT NULL;
