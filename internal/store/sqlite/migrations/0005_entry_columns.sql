-- 0005: the link-phase fields that listings show (story, provenance kind,
-- source and family, figure and event counts) as columns, so that a page
-- of entries reads a few columns instead of parsing each article's whole
-- JSON document. Put and Update write them from the article with doc.

ALTER TABLE articles ADD COLUMN story TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN provenance_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN provenance_of TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN provenance_family TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN figures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN events INTEGER NOT NULL DEFAULT 0;

UPDATE articles SET
    story = COALESCE(json_extract(doc, '$.story'), ''),
    provenance_kind = COALESCE(json_extract(doc, '$.provenance.kind'), ''),
    provenance_of = COALESCE(json_extract(doc, '$.provenance.of'), ''),
    provenance_family = COALESCE(json_extract(doc, '$.provenance.family'), ''),
    figures = COALESCE(json_array_length(doc, '$.figures'), 0),
    events = COALESCE(json_array_length(doc, '$.events'), 0);

-- Story, provenance-kind and family pages read these in list order; the
-- story list counts a story's outlets from the second.
CREATE INDEX articles_story ON articles (story, published DESC, id);
CREATE INDEX articles_story_outlet ON articles (story, outlet);
CREATE INDEX articles_provenance_kind ON articles (provenance_kind, published DESC, id);
CREATE INDEX articles_provenance_family ON articles (provenance_family, published DESC, id);

-- An entity looked up by a name it was written as (search, sitrep entity).
CREATE INDEX entity_mentions_alias ON entity_mentions (alias);
CREATE INDEX entity_mentions_canonical ON entity_mentions (canonical);
