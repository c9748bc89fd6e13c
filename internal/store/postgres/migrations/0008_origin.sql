-- 0008: each article's independent origin (news.Provenance.Origin: its
-- source's origin for a copy, revision, rewrite, summary, spun copy or
-- translation, else the wire agency it credits, else its outlet) as a
-- column, so that a story counts its independent origins from its
-- members' rows. Put and Update write it from the article with doc.

ALTER TABLE articles ADD COLUMN origin TEXT NOT NULL DEFAULT '';

UPDATE articles SET origin = COALESCE(doc->'provenance'->>'origin', '');
