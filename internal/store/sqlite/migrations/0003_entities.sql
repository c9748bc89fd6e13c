-- 0003: the entity index (internal/link/entity).
--
-- entity_queue holds the articles whose mentions the entity step has not
-- merged across articles yet; a trigger queues every new article.
-- entity_names maps every known name (facts.Key) of a type to its entity,
-- bucketed by block for the spelling-variant search. entity_mentions
-- counts each written form of each entity in each article, for
-- `sitrep entities` and `sitrep entity`.

CREATE TABLE entity_queue (
    seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE
);

INSERT INTO entity_queue (seq) SELECT seq FROM articles;

CREATE TRIGGER entity_enqueue AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO entity_queue (seq) VALUES (new.seq);
END;

CREATE TABLE entity_names (
    type      TEXT NOT NULL,
    name_key  TEXT NOT NULL,
    block     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    canonical TEXT NOT NULL,
    PRIMARY KEY (type, name_key)
) WITHOUT ROWID;
CREATE INDEX entity_names_block ON entity_names (block);

CREATE TABLE entity_mentions (
    entity    TEXT    NOT NULL,
    seq       INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    alias     TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    canonical TEXT    NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (entity, seq, alias)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_seq ON entity_mentions (seq);
