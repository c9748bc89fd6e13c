-- 0005: the link-phase fields that listings show (story, provenance kind,
-- source and family, figure and event counts) as columns, so that a page
-- of entries reads a few columns instead of detoasting each article's
-- whole document. Put and Update write them from the article with doc.

ALTER TABLE articles
    ADD COLUMN story TEXT NOT NULL DEFAULT '',
    ADD COLUMN provenance_kind TEXT NOT NULL DEFAULT '',
    ADD COLUMN provenance_of TEXT NOT NULL DEFAULT '',
    ADD COLUMN provenance_family TEXT NOT NULL DEFAULT '',
    ADD COLUMN figures INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN events INTEGER NOT NULL DEFAULT 0;

UPDATE articles SET
    story = COALESCE(doc->>'story', ''),
    provenance_kind = COALESCE(doc->'provenance'->>'kind', ''),
    provenance_of = COALESCE(doc->'provenance'->>'of', ''),
    provenance_family = COALESCE(doc->'provenance'->>'family', ''),
    figures = COALESCE(jsonb_array_length(CASE jsonb_typeof(doc->'figures') WHEN 'array' THEN doc->'figures' END), 0),
    events = COALESCE(jsonb_array_length(CASE jsonb_typeof(doc->'events') WHEN 'array' THEN doc->'events' END), 0);

-- Story, provenance-kind and family pages read these in list order; the
-- story list counts a story's outlets from the second.
CREATE INDEX articles_story ON articles (story, published DESC NULLS LAST, id);
CREATE INDEX articles_story_outlet ON articles (story, outlet);
CREATE INDEX articles_provenance_kind ON articles (provenance_kind, published DESC NULLS LAST, id);
CREATE INDEX articles_provenance_family ON articles (provenance_family, published DESC NULLS LAST, id);

-- An entity looked up by its canonical name (0003 indexed the aliases).
CREATE INDEX entity_mentions_canonical ON entity_mentions (canonical);
