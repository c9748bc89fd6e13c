-- 0003: the entity index (internal/link/entity), as in the SQLite store.
-- entity_queue holds the articles the entity step has not merged yet; a
-- trigger queues every new article. entity_names maps every known name of
-- a type to its entity, bucketed by block; entity_mentions counts each
-- written form of each entity in each article.

CREATE TABLE entity_queue (
    seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE
);

INSERT INTO entity_queue (seq) SELECT seq FROM articles;

CREATE FUNCTION entity_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO entity_queue (seq) VALUES (NEW.seq) ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER entity_enqueue AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION entity_enqueue();

CREATE TABLE entity_names (
    type      TEXT NOT NULL,
    name_key  TEXT NOT NULL,
    block     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    canonical TEXT NOT NULL,
    PRIMARY KEY (type, name_key)
);
CREATE INDEX entity_names_block ON entity_names (block);

CREATE TABLE entity_mentions (
    entity    TEXT    NOT NULL,
    seq       BIGINT  NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    alias     TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    canonical TEXT    NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (entity, seq, alias)
);
CREATE INDEX entity_mentions_seq ON entity_mentions (seq);
CREATE INDEX entity_mentions_alias ON entity_mentions (alias);
