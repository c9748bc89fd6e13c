-- 0007: the entity step takes its queue in publication order (undated
-- last, then storage order), as the provenance and story steps do, so
-- that every step of the link phase sees the articles in one order and
-- the first spelling of a name is the earliest published one, not the
-- first stored.

ALTER TABLE entity_queue ADD COLUMN undated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entity_queue ADD COLUMN published TEXT NOT NULL DEFAULT '';

UPDATE entity_queue SET
    undated = (SELECT a.published = '' FROM articles a WHERE a.seq = entity_queue.seq),
    published = (SELECT a.published FROM articles a WHERE a.seq = entity_queue.seq);

CREATE INDEX entity_queue_order ON entity_queue (undated, published, seq);

DROP TRIGGER entity_enqueue;
CREATE TRIGGER entity_enqueue AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO entity_queue (seq, undated, published)
    VALUES (new.seq, new.published = '', new.published);
END;
